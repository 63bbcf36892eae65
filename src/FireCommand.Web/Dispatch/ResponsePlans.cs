using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// The response plans (等级调派方案) in force: the newest saved version, else the shipped defaults.
/// Plans are data: commanders edit them through the API, every version is kept with who saved it.
/// </summary>
public static class ResponsePlans
{
    public sealed record PlanDocumentView(string Source, DateTimeOffset? SavedAt, string? SavedBy, System.Text.Json.JsonElement Document);

    // Read on every recommendation: compiled once per model (SQLite and PostgreSQL each get their own), as
    // EF Core's translation-cache lookup cost more than the read of one row. The row is still read every time.
    private static readonly ConditionalWeakTable<IModel, Func<FireCommandDbContext, CancellationToken, Task<ResponsePlanDocument?>>> Latest = [];

    public static async Task<PlanSet> CurrentAsync(FireCommandDbContext db, CancellationToken ct)
    {
        var latest = await Latest.GetValue(db.Model, _ => EF.CompileAsyncQuery((FireCommandDbContext c, CancellationToken token) =>
            c.ResponsePlanDocuments.AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefault()))(db, ct);
        // A stored version was validated when saved; if it no longer loads (a newer platform changed
        // the format) the defaults are safer than no plan at all.
        return latest is not null && PlanSet.Load(latest.Json).PlanSet is { } saved ? saved : PlanSet.Default;
    }

    public static RouteGroupBuilder MapResponsePlans(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/response-plans").WithTags("Dispatch");
        g.MapGet("/", Get);
        g.MapPut("/", Save).RequireAuthorization(Policies.EditPlans);
        return api;
    }

    private static async Task<Ok<PlanDocumentView>> Get(FireCommandDbContext db, CancellationToken ct)
    {
        var latest = await db.ResponsePlanDocuments.AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        var json = latest?.Json ?? PlanSet.Default.ToJson();
        return TypedResults.Ok(new PlanDocumentView(latest is null ? "default" : "edited", latest?.SavedAt, latest?.SavedBy,
            System.Text.Json.JsonDocument.Parse(json).RootElement.Clone()));
    }

    private static async Task<Results<Ok<PlanDocumentView>, ValidationProblem>> Save(HttpRequest request,
        FireCommandDbContext db, IAuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var v = new Validation().When(json.Length > 1_000_000, "$", "The plan document is larger than 1 MB.");
        if (!v.IsValid) return v.Problem();
        var loaded = PlanSet.Load(json);
        if (loaded.PlanSet is null)
        {
            foreach (var e in loaded.Errors.Take(50)) v.Add(e.Path, e.Message);
            return v.Problem();
        }
        db.ResponsePlanDocuments.Add(new ResponsePlanDocument { Json = loaded.PlanSet.ToJson(), SavedAt = clock.GetUtcNow(), SavedBy = actor.UserName });
        await db.SaveChangesAsync(ct);
        return await Get(db, ct);
    }
}
