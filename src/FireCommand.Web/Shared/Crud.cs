using FireCommand.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FireCommand.Web.Shared;

/// <summary>
/// The create and update steps every resource endpoint shares: validate, apply, save (which checks
/// the jurisdiction and writes the audit row), answer. A rejected request writes nothing.
/// </summary>
public static class Crud
{
    public static async Task<Results<Created<TDto>, ValidationProblem>> Create<TEntity, TDto>(FireCommandDbContext db,
        Validation validation, Func<TEntity> create, Func<TEntity, TDto> toDto, Func<TEntity, string> location,
        CancellationToken ct) where TEntity : class
    {
        if (!validation.IsValid) return validation.Problem();
        var entity = create();
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(location(entity), toDto(entity));
    }

    public static async Task<Results<Ok<TDto>, NotFound, ValidationProblem>> Update<TEntity, TDto>(FireCommandDbContext db,
        TEntity? entity, Func<Task<Validation>> validate, Action<TEntity> apply, Func<TEntity, TDto> toDto,
        CancellationToken ct) where TEntity : class
    {
        if (entity is null) return TypedResults.NotFound();
        var validation = await validate();
        if (!validation.IsValid) return validation.Problem();
        apply(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(toDto(entity));
    }
}
