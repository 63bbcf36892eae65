using FireCommand.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FireCommand.Web.Shared;

/// <summary>
/// The create and update steps every resource endpoint shares: validate, apply, save (which checks
/// the jurisdiction and writes the audit row), answer. A rejected request writes nothing. A record
/// that is stored but questionable (see <see cref="Placement"/>) is answered with an HTTP
/// <c>Warning: 299</c> header, and the warning is audited with it.
/// </summary>
public static class Crud
{
    public static async Task<Results<Created<TDto>, ValidationProblem>> Create<TEntity, TDto>(FireCommandDbContext db,
        Validation validation, Func<TEntity> create, Func<TEntity, TDto> toDto, Func<TEntity, string> location,
        CancellationToken ct, Func<TEntity, string?>? warn = null, HttpResponse? response = null) where TEntity : class
    {
        if (!validation.IsValid) return validation.Problem();
        var entity = create();
        db.Add(entity);
        Warn(db, entity, warn, response);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(location(entity), toDto(entity));
    }

    public static async Task<Results<Ok<TDto>, NotFound, ValidationProblem>> Update<TEntity, TDto>(FireCommandDbContext db,
        TEntity? entity, Func<Task<Validation>> validate, Action<TEntity> apply, Func<TEntity, TDto> toDto,
        CancellationToken ct, Func<TEntity, string?>? warn = null, HttpResponse? response = null) where TEntity : class
    {
        if (entity is null) return TypedResults.NotFound();
        var validation = await validate();
        if (!validation.IsValid) return validation.Problem();
        apply(entity);
        Warn(db, entity, warn, response);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(toDto(entity));
    }

    private static void Warn<TEntity>(FireCommandDbContext db, TEntity entity, Func<TEntity, string?>? warn, HttpResponse? response)
        where TEntity : class
    {
        if (warn?.Invoke(entity) is not { } warning) return;
        db.AuditWarning(entity, warning);
        // RFC 9110 leaves Warning obsolete for caches, but 299 ("miscellaneous persistent warning")
        // is still what generic clients log; the text is plain ASCII, as header values must be.
        response?.Headers.Append("Warning", $"299 FireCommand \"{warning}\"");
    }
}
