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

/// <summary>Stations: list, read, create, edit, delete — inside the caller's jurisdiction only.</summary>
public static class StationEndpoints
{
    public sealed record StationRequest(string? Name, StationKind? Kind, double? Latitude, double? Longitude,
        string? Address, string? Phone, long? JurisdictionId);

    public sealed record StationDto(long Id, string Name, StationKind Kind, double Latitude, double Longitude,
        string? Address, string? Phone, long JurisdictionId, double? DistrictAreaSquareKilometers);

    public static RouteGroupBuilder MapStations(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/stations").WithTags("Resources");
        g.MapGet("/", async (FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Stations.AsNoTracking().OrderBy(s => s.Id).Select(s => ToDto(s)).ToListAsync(ct)));
        g.MapGet("/{id:long}", Get);
        g.MapPost("/", Create).RequireAuthorization(Policies.EditResources);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditResources);
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(Policies.EditResources);
        return api;
    }

    private static StationDto ToDto(Station s) => new(s.Id, s.Name, s.Kind, s.Location.Y, s.Location.X,
        s.Address, s.Phone, s.JurisdictionId, s.DistrictAreaSquareKilometers);

    private static async Task<Results<Ok<StationDto>, NotFound>> Get(long id, FireCommandDbContext db, CancellationToken ct) =>
        await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? TypedResults.Ok(ToDto(s)) : TypedResults.NotFound();

    private static async Task<Validation> Validate(StationRequest r, FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Required("name", r.Name, 100)
            .Defined("kind", r.Kind)
            .Location("", r.Latitude, r.Longitude)
            .Optional("address", r.Address, 200)
            .Optional("phone", r.Phone, 30);
        return await v.VisibleJurisdiction("jurisdictionId", r.JurisdictionId, db, ct);
    }

    private static void Apply(Station s, StationRequest r)
    {
        s.Name = r.Name!.Trim();
        s.Kind = r.Kind!.Value;
        s.Location = Geography.Point(r.Latitude!.Value, r.Longitude!.Value);
        s.Address = r.Address;
        s.Phone = r.Phone;
        s.JurisdictionId = r.JurisdictionId!.Value;
    }

    private static async Task<Results<Created<StationDto>, ValidationProblem>> Create(StationRequest r,
        FireCommandDbContext db, ProvinceGeography geography, JurisdictionDirectory directory, HttpResponse response,
        CancellationToken ct) =>
        await Crud.Create(db, await Validate(r, db, ct), () =>
        {
            var s = new Station { Name = "", Location = Geography.Point(0, 0) };
            Apply(s, r);
            return s;
        }, ToDto, s => $"/api/stations/{s.Id}", ct,
            e => Placement.Warning(geography, directory, e.Location, e.JurisdictionId), response);

    private static async Task<Results<Ok<StationDto>, NotFound, ValidationProblem>> Update(long id, StationRequest r,
        FireCommandDbContext db, ProvinceGeography geography, JurisdictionDirectory directory, HttpResponse response,
        CancellationToken ct) =>
        await Crud.Update(db, await db.Stations.FirstOrDefaultAsync(x => x.Id == id, ct),
            () => Validate(r, db, ct), s => Apply(s, r), ToDto, ct,
            e => Placement.Warning(geography, directory, e.Location, e.JurisdictionId), response);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(long id, FireCommandDbContext db, CancellationToken ct)
    {
        var s = await db.Stations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return TypedResults.NotFound();
        if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.HomeStationId == id, ct) ||
            await db.Personnel.IgnoreQueryFilters().AnyAsync(p => p.StationId == id, ct))
            return TypedResults.Problem(statusCode: 409, title: "Station in use",
                detail: "The station still has units or personnel; move them first.");
        db.Stations.Remove(s);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
