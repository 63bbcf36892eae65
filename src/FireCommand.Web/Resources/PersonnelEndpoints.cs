using FireCommand.Core.Data;
using FireCommand.Core.Resources;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Resources;

/// <summary>Station rolls: who serves where, their rank and whether they are on duty.</summary>
public static class PersonnelEndpoints
{
    public sealed record PersonnelRequest(string? Name, FireRescueRank? Rank, string? Post, long? StationId, bool? OnDuty, string? Phone);

    public sealed record PersonnelDto(long Id, string Name, FireRescueRank Rank, string Post, long StationId,
        long JurisdictionId, bool OnDuty, string? Phone);

    public static RouteGroupBuilder MapPersonnel(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/personnel").WithTags("Resources");
        g.MapGet("/", async (long? stationId, FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Personnel.AsNoTracking()
                .Where(p => stationId == null || p.StationId == stationId)
                .OrderBy(p => p.Id).Select(p => ToDto(p)).ToListAsync(ct)));
        g.MapPost("/", Create).RequireAuthorization(Policies.EditResources);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditResources);
        return api;
    }

    private static PersonnelDto ToDto(Personnel p) =>
        new(p.Id, p.Name, p.Rank, p.Post, p.StationId, p.JurisdictionId, p.OnDuty, p.Phone);

    private static async Task<(Validation, Station?)> Validate(PersonnelRequest r, FireCommandDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Required("name", r.Name, 50)
            .Defined("rank", r.Rank)
            .Required("post", r.Post, 30)
            .Optional("phone", r.Phone, 30);
        Station? station = null;
        if (r.StationId is null) v.Add("stationId", "stationId is required.");
        else if ((station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == r.StationId, ct)) is null)
            v.Add("stationId", "stationId is not a station you can see.");
        return (v, station);
    }

    private static void Apply(Personnel p, PersonnelRequest r, Station station)
    {
        p.Name = r.Name!.Trim();
        p.Rank = r.Rank!.Value;
        p.Post = r.Post!.Trim();
        p.StationId = station.Id;
        p.JurisdictionId = station.JurisdictionId;
        p.OnDuty = r.OnDuty ?? false;
        p.Phone = r.Phone;
    }

    private static async Task<Results<Created<PersonnelDto>, ValidationProblem>> Create(PersonnelRequest r,
        FireCommandDbContext db, CancellationToken ct)
    {
        var (v, station) = await Validate(r, db, ct);
        return await Crud.Create(db, v, () =>
        {
            var p = new Personnel { Name = "", Post = "" };
            Apply(p, r, station!);
            return p;
        }, ToDto, p => $"/api/personnel/{p.Id}", ct);
    }

    private static async Task<Results<Ok<PersonnelDto>, NotFound, ValidationProblem>> Update(long id, PersonnelRequest r,
        FireCommandDbContext db, CancellationToken ct)
    {
        Station? station = null;
        return await Crud.Update(db, await db.Personnel.FirstOrDefaultAsync(x => x.Id == id, ct), async () =>
        {
            (var v, station) = await Validate(r, db, ct);
            return v;
        }, p => Apply(p, r, station!), ToDto, ct);
    }
}
