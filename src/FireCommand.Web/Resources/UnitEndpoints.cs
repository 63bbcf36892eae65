using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Resources;

/// <summary>Units (apparatus): list, read, register, edit, and status changes by GA/T 974.39 code.</summary>
public static class UnitEndpoints
{
    public sealed record UnitRequest(string? CallSign, string? PlateNumber, ApparatusType? Type,
        UnitCapability? Capabilities, int? WaterCapacityLiters, int? FoamCapacityLiters, double? ReachHeightMeters,
        int? Seats, long? HomeStationId);

    public sealed record UnitDto(long Id, string CallSign, string? PlateNumber, ApparatusType Type,
        UnitCapability Capabilities, int WaterCapacityLiters, int FoamCapacityLiters, double ReachHeightMeters,
        int Seats, long HomeStationId, long JurisdictionId, int Status, DateTimeOffset StatusChangedAt,
        double Latitude, double Longitude);

    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/units").WithTags("Resources");
        g.MapGet("/", async (long? stationId, FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Units.AsNoTracking()
                .Where(u => stationId == null || u.HomeStationId == stationId)
                .OrderBy(u => u.Id).Select(u => ToDto(u)).ToListAsync(ct)));
        g.MapGet("/{id:long}", async Task<Results<Ok<UnitDto>, NotFound>> (long id, FireCommandDbContext db, CancellationToken ct) =>
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
                ? TypedResults.Ok(ToDto(u)) : TypedResults.NotFound());
        g.MapPost("/", Create).RequireAuthorization(Policies.EditResources);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditResources);
        return api;
    }

    private static UnitDto ToDto(Unit u) => new(u.Id, u.CallSign, u.PlateNumber, u.Type, u.Capabilities,
        u.WaterCapacityLiters, u.FoamCapacityLiters, u.ReachHeightMeters, u.Seats, u.HomeStationId, u.JurisdictionId,
        u.Status.Code(), u.StatusChangedAt, u.Position.Y, u.Position.X);

    private static async Task<(Validation, Station?)> Validate(UnitRequest r, FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Required("callSign", r.CallSign, 60)
            .Optional("plateNumber", r.PlateNumber, 20)
            .Defined("type", r.Type)
            .OptionalRange("waterCapacityLiters", r.WaterCapacityLiters, 0, 100_000)
            .OptionalRange("foamCapacityLiters", r.FoamCapacityLiters, 0, 50_000)
            .OptionalRange("reachHeightMeters", r.ReachHeightMeters, 0, 150)
            .OptionalRange("seats", r.Seats, 1, 20);
        var all = Enum.GetValues<UnitCapability>().Aggregate(UnitCapability.None, (a, c) => a | c);
        v.When(r.Capabilities is { } caps && (caps & ~all) != 0, "capabilities", "capabilities has unknown flags.");
        Station? station = null;
        if (r.HomeStationId is null) v.Add("homeStationId", "homeStationId is required.");
        else if ((station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == r.HomeStationId, ct)) is null)
            v.Add("homeStationId", "homeStationId is not a station you can see.");
        return (v, station);
    }

    private static void Apply(Unit u, UnitRequest r, Station home)
    {
        u.CallSign = r.CallSign!.Trim();
        u.PlateNumber = r.PlateNumber;
        u.Type = r.Type!.Value;
        u.Capabilities = r.Capabilities ?? UnitCapability.None;
        u.WaterCapacityLiters = r.WaterCapacityLiters ?? 0;
        u.FoamCapacityLiters = r.FoamCapacityLiters ?? 0;
        u.ReachHeightMeters = r.ReachHeightMeters ?? 0;
        u.Seats = r.Seats ?? 6;
        u.HomeStationId = home.Id;
        u.JurisdictionId = home.JurisdictionId;
    }

    private static async Task<Results<Created<UnitDto>, ValidationProblem>> Create(UnitRequest r, FireCommandDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var (v, home) = await Validate(r, db, ct);
        return await Crud.Create(db, v, () =>
        {
            var u = new Unit { CallSign = "", Position = (NetTopologySuite.Geometries.Point)home!.Location.Copy() };
            Apply(u, r, home);
            u.InitialiseStatus(UnitStatus.Available, clock.GetUtcNow());
            return u;
        }, ToDto, u => $"/api/units/{u.Id}", ct);
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ValidationProblem>> Update(long id, UnitRequest r,
        FireCommandDbContext db, CancellationToken ct)
    {
        Station? home = null;
        return await Crud.Update(db, await db.Units.FirstOrDefaultAsync(x => x.Id == id, ct), async () =>
        {
            (var v, home) = await Validate(r, db, ct);
            return v;
        }, u => Apply(u, r, home!), ToDto, ct);
    }

}
