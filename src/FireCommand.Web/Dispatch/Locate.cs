using FireCommand.Core.Data;
using FireCommand.Core.Map.Gazetteer;
using FireCommand.Core.Security;
using FireCommand.Geo;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Dispatch;

/// <summary>
/// Address search for the call-taker (接警定位): the local gazetteer of the province's places, roads,
/// crossings, stations and key places, and a province package's POI and address names, offline. Built once from the database and rebuilt after
/// <see cref="Invalidate"/>. Places of another jurisdiction (stations, key places and their addresses) are not shown;
/// settlements and roads are public geography. Thread-safe.
/// </summary>
public sealed class Locate(IServiceScopeFactory scopes, Map.ProvinceGeography geography, Map.PackageNames packageNames, TimeProvider clock)
{
    // New key places and stations reach the index within this time even without an Invalidate.
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Gazetteer? _gazetteer;
    private DateTimeOffset _builtAt;

    /// <summary>One answer; <c>KeyPlaceId</c>/<c>StationId</c> name the record behind a key place or station (and its address).</summary>
    public sealed record Candidate(string Id, string Name, GazetteerKind Kind, string? Context, double Latitude, double Longitude,
        long? JurisdictionId, long? KeyPlaceId, long? StationId, double Score, MatchKind Match, double? DistanceMeters);

    public void Invalidate() => _gazetteer = null;

    public static async Task<Results<Ok<List<Candidate>>, ValidationProblem>> Handle(string? q, string? near, int? limit,
        Locate locate, IJurisdictionScope scope, CancellationToken ct)
    {
        var v = new Validation().Required("q", q, 200).OptionalRange("limit", limit, 1, 50);
        GeoPoint? at = null;
        if (near is not null)
        {
            var parts = near.Split(',');
            if (parts.Length == 2 && double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var lat) &&
                double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var lon) && Validation.IsOnGlobe(lat, lon))
                at = new GeoPoint(lat, lon);
            else v.Add("near", "near must be \"latitude,longitude\".");
        }
        if (!v.IsValid) return v.Problem();
        var gazetteer = await locate.GetAsync(ct);
        var wanted = limit ?? 10;
        var matches = gazetteer.Search(q!, Math.Min(wanted * 3, Gazetteer.MaxLimit), at)
            .Where(m => m.Entry.Kind is not (GazetteerKind.Station or GazetteerKind.KeyPlace or GazetteerKind.Address) || scope.SeesAll
                        || (m.Entry.JurisdictionId is { } j && scope.VisibleIds.Contains(j)))
            .Take(wanted)
            .Select(m => new Candidate(m.Entry.Id, m.Entry.Name, m.Entry.Kind, m.Entry.Parents.Count == 0 ? null : string.Join(" ", m.Entry.Parents),
                m.Entry.Location.Latitude, m.Entry.Location.Longitude, m.Entry.JurisdictionId,
                RecordId(m.Entry.Id, "keyplace:"), RecordId(m.Entry.Id, "station:"), Math.Round(m.Score, 4), m.Kind,
                m.DistanceMeters is { } d ? Math.Round(d) : null))
            .ToList();
        return TypedResults.Ok(matches);
    }

    /// <summary>The record id in "keyplace:40" or "address:keyplace:40"; null for other entries.</summary>
    private static long? RecordId(string entryId, string prefix)
    {
        var at = entryId.StartsWith("address:", StringComparison.Ordinal) ? "address:".Length : 0;
        return entryId.AsSpan(at).StartsWith(prefix, StringComparison.Ordinal) &&
               long.TryParse(entryId.AsSpan(at + prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id : null;
    }

    private async Task<Gazetteer> GetAsync(CancellationToken ct)
    {
        if (_gazetteer is { } ready && clock.GetUtcNow() - _builtAt < MaxAge) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (_gazetteer is { } built && clock.GetUtcNow() - _builtAt < MaxAge) return built;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FireCommandDbContext>();
            // The index covers the whole province; results are filtered per caller above.
            var source = new ProvinceGazetteerSource(
                await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct),
                await db.Settlements.AsNoTracking().ToListAsync(ct),
                await db.Stations.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct),
                await db.KeyPlaces.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct),
                [.. geography.Current.Roads],
                packageNames.Names);
            _builtAt = clock.GetUtcNow();
            return _gazetteer = Gazetteer.FromProvince(source);
        }
        finally
        {
            _gate.Release();
        }
    }
}
