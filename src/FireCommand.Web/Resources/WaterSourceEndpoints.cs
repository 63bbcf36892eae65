using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using FireCommand.Web.Map;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Resources;

/// <summary>Water sources: hydrants, pools, natural sources and intakes.</summary>
public static class WaterSourceEndpoints
{
    public sealed record WaterSourceRequest(string? Code, WaterSourceKind? Kind, double? Latitude, double? Longitude,
        string? Address, double? FlowLitersPerSecond, double? CapacityCubicMeters, bool? InService, long? JurisdictionId);

    public sealed record WaterSourceDto(long Id, string Code, WaterSourceKind Kind, double Latitude, double Longitude,
        string? Address, double? FlowLitersPerSecond, double? CapacityCubicMeters, bool InService, long JurisdictionId);

    public static RouteGroupBuilder MapWaterSources(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/water-sources").WithTags("Resources");
        g.MapGet("/", async (int? skip, int? take, FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.WaterSources.AsNoTracking().OrderBy(w => w.Id)
                .Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(take ?? 500, 1, 5000)).Select(w => ToDto(w)).ToListAsync(ct)));
        g.MapGet("/{id:long}", async Task<Results<Ok<WaterSourceDto>, NotFound>> (long id, FireCommandDbContext db, CancellationToken ct) =>
            await db.WaterSources.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is { } w
                ? TypedResults.Ok(ToDto(w)) : TypedResults.NotFound());
        g.MapPost("/", Create).RequireAuthorization(Policies.EditResources);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditResources);
        g.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, FireCommandDbContext db, CancellationToken ct) =>
        {
            var w = await db.WaterSources.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (w is null) return TypedResults.NotFound();
            db.WaterSources.Remove(w);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.EditResources);
        return api;
    }

    private static WaterSourceDto ToDto(WaterSource w) => new(w.Id, w.Code, w.Kind, w.Location.Y, w.Location.X,
        w.Address, w.FlowLitersPerSecond, w.CapacityCubicMeters, w.InService, w.JurisdictionId);

    private static async Task<Validation> Validate(WaterSourceRequest r, FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Required("code", r.Code, 30)
            .Defined("kind", r.Kind)
            .Location("", r.Latitude, r.Longitude)
            .Optional("address", r.Address, 200)
            .OptionalRange("flowLitersPerSecond", r.FlowLitersPerSecond, 0, 1000)
            .OptionalRange("capacityCubicMeters", r.CapacityCubicMeters, 0, 10_000_000);
        return await v.VisibleJurisdiction("jurisdictionId", r.JurisdictionId, db, ct);
    }

    private static void Apply(WaterSource w, WaterSourceRequest r)
    {
        w.Code = r.Code!.Trim();
        w.Kind = r.Kind!.Value;
        w.Location = Geography.Point(r.Latitude!.Value, r.Longitude!.Value);
        w.Address = r.Address;
        w.FlowLitersPerSecond = r.FlowLitersPerSecond;
        w.CapacityCubicMeters = r.CapacityCubicMeters;
        w.InService = r.InService ?? true;
        w.JurisdictionId = r.JurisdictionId!.Value;
    }

    private static async Task<Results<Created<WaterSourceDto>, ValidationProblem>> Create(WaterSourceRequest r,
        FireCommandDbContext db, ProvinceGeography geography, JurisdictionDirectory directory, HttpResponse response,
        CancellationToken ct) =>
        await Crud.Create(db, await Validate(r, db, ct), () =>
        {
            var e = new WaterSource { Code = "", Location = Geography.Point(0, 0) };
            Apply(e, r);
            return e;
        }, ToDto, e => $"/api/water-sources/{e.Id}", ct,
            e => Placement.Warning(geography, directory, e.Location, e.JurisdictionId), response);

    private static async Task<Results<Ok<WaterSourceDto>, NotFound, ValidationProblem>> Update(long id, WaterSourceRequest r,
        FireCommandDbContext db, ProvinceGeography geography, JurisdictionDirectory directory, HttpResponse response,
        CancellationToken ct) =>
        await Crud.Update(db, await db.WaterSources.FirstOrDefaultAsync(x => x.Id == id, ct),
            () => Validate(r, db, ct), e => Apply(e, r), ToDto, ct,
            e => Placement.Warning(geography, directory, e.Location, e.JurisdictionId), response);
}
