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

/// <summary>
/// Key places (消防安全重点单位) with their categories: read by everyone in the jurisdiction, created,
/// changed and removed by those who edit resources. A place outside the caller's jurisdiction is a 404,
/// as if it did not exist; every change is audited by the save.
/// </summary>
public static class KeyPlaceEndpoints
{
    public sealed record KeyPlaceRequest(string? Name, KeyPlaceCategory? Categories, double? Latitude, double? Longitude,
        string? Address, int? Floors, double? HeightMeters, double? FloorAreaSquareMeters, int? Occupants,
        string? ResponsiblePerson, string? Phone, long? JurisdictionId);

    public sealed record KeyPlaceDto(long Id, string Name, string[] Categories, double Latitude, double Longitude,
        string? Address, int? Floors, double? HeightMeters, double? FloorAreaSquareMeters, int? Occupants,
        string? ResponsiblePerson, string? Phone, long JurisdictionId);

    public static RouteGroupBuilder MapKeyPlaces(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/key-places").WithTags("Resources");
        g.MapGet("/", async (FireCommandDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.KeyPlaces.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct)).Select(ToDto)));
        g.MapGet("/{id:long}", async Task<Results<Ok<KeyPlaceDto>, NotFound>> (long id, FireCommandDbContext db, CancellationToken ct) =>
            await db.KeyPlaces.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) is { } k
                ? TypedResults.Ok(ToDto(k)) : TypedResults.NotFound());
        g.MapPost("/", Create).RequireAuthorization(Policies.EditResources);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.EditResources);
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(Policies.EditResources);
        return api;
    }

    private static KeyPlaceDto ToDto(KeyPlace k) => new(k.Id, k.Name, Map.MapLayers.CategoryNames(k.Categories),
        k.Location.Y, k.Location.X, k.Address, k.Floors, k.HeightMeters, k.FloorAreaSquareMeters, k.Occupants,
        k.ResponsiblePerson, k.Phone, k.JurisdictionId);

    private static async Task<Validation> Validate(KeyPlaceRequest r, FireCommandDbContext db, CancellationToken ct)
    {
        var all = Enum.GetValues<KeyPlaceCategory>().Aggregate(KeyPlaceCategory.None, (a, c) => a | c);
        var v = new Validation()
            .Required("name", r.Name, 100)
            .When(r.Categories is null or KeyPlaceCategory.None, "categories", "categories needs at least one category.")
            .When(r.Categories is { } c && (c & ~all) != 0, "categories", "categories has unknown flags.")
            .Location("", r.Latitude, r.Longitude)
            .Optional("address", r.Address, 200)
            .OptionalRange("floors", r.Floors, -10, 200)
            .OptionalRange("heightMeters", r.HeightMeters, 0, 1000)
            .OptionalRange("floorAreaSquareMeters", r.FloorAreaSquareMeters, 0, 10_000_000)
            .OptionalRange("occupants", r.Occupants, 0, 1_000_000)
            .Optional("responsiblePerson", r.ResponsiblePerson, 50)
            .Optional("phone", r.Phone, 30);
        return await v.VisibleJurisdiction("jurisdictionId", r.JurisdictionId, db, ct);
    }

    private static void Apply(KeyPlace k, KeyPlaceRequest r)
    {
        k.Name = r.Name!.Trim();
        k.Categories = r.Categories!.Value;
        k.Location = Geography.Point(r.Latitude!.Value, r.Longitude!.Value);
        k.Address = r.Address;
        k.Floors = r.Floors;
        k.HeightMeters = r.HeightMeters;
        k.FloorAreaSquareMeters = r.FloorAreaSquareMeters;
        k.Occupants = r.Occupants;
        k.ResponsiblePerson = r.ResponsiblePerson;
        k.Phone = r.Phone;
        k.JurisdictionId = r.JurisdictionId!.Value;
    }

    // Each change reaches the call-taker's address search at once (Locate.Invalidate): a new place is
    // found by its name, a removed one no longer offered.
    private static async Task<Results<Created<KeyPlaceDto>, ValidationProblem>> Create(KeyPlaceRequest r,
        FireCommandDbContext db, ProvinceGeography geography, JurisdictionDirectory directory, Dispatch.Locate locate,
        HttpResponse response, CancellationToken ct)
    {
        var result = await Crud.Create(db, await Validate(r, db, ct), () =>
        {
            var e = new KeyPlace { Name = "", Location = Geography.Point(0, 0) };
            Apply(e, r);
            return e;
        }, ToDto, e => $"/api/key-places/{e.Id}", ct,
            e => Placement.Warning(geography, directory, e.Location, e.JurisdictionId), response);
        if (result.Result is Created<KeyPlaceDto>) locate.Invalidate();
        return result;
    }

    private static async Task<Results<Ok<KeyPlaceDto>, NotFound, ValidationProblem>> Update(long id, KeyPlaceRequest r,
        FireCommandDbContext db, ProvinceGeography geography, JurisdictionDirectory directory, Dispatch.Locate locate,
        HttpResponse response, CancellationToken ct)
    {
        var result = await Crud.Update(db, await db.KeyPlaces.FirstOrDefaultAsync(x => x.Id == id, ct),
            () => Validate(r, db, ct), e => Apply(e, r), ToDto, ct,
            e => Placement.Warning(geography, directory, e.Location, e.JurisdictionId), response);
        if (result.Result is Ok<KeyPlaceDto>) locate.Invalidate();
        return result;
    }

    /// <summary>
    /// Removes the place. Incidents that were located at it keep its id as history (there is no
    /// foreign key; readers treat a missing place as none), and the audit row keeps what it was.
    /// </summary>
    private static async Task<Results<NoContent, NotFound>> Delete(long id, FireCommandDbContext db, Dispatch.Locate locate,
        CancellationToken ct)
    {
        var k = await db.KeyPlaces.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (k is null) return TypedResults.NotFound();
        db.KeyPlaces.Remove(k);
        await db.SaveChangesAsync(ct);
        locate.Invalidate();
        return TypedResults.NoContent();
    }
}
