using FireCommand.Core.Data;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Risk;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Sensing.Risk;

/// <summary>A key place as the risk list needs it.</summary>
public sealed record RiskPlace(long Id, string Name, KeyPlaceCategory Categories, Point Location, long JurisdictionId);

/// <summary>
/// Reads what <see cref="PlaceRiskScorer"/> needs for every key place the caller's jurisdiction sees:
/// one query per kind of fact, grouped by key place in the database, so the cost does not grow with a
/// query per place. Supervision facts (open hazards, credit) stay null until supervision records them.
/// </summary>
public static class PlaceRiskFactsReader
{
    /// <summary>Open alarm types that count as a fault of the fire protection (as the weakness list counts them).</summary>
    public static readonly string[] FaultTypes = ["fault", "mains_fault", "battery_fault"];

    private static readonly string[] LiveTypes = [.. FaultTypes, "shielded", "offline", "low_pressure", "low_level"];

    public static async Task<List<(RiskPlace Place, PlaceRiskFacts Facts)>> ReadAsync(FireCommandDbContext db, DateTimeOffset now,
        CancellationToken ct)
    {
        // Instants go to the database in UTC (PostgreSQL refuses any other offset).
        now = now.ToUniversalTime();
        var yearAgo = now.AddDays(-365);
        var monthAgo = now.AddDays(-30);
        var dayAgo = now.AddHours(-24);

        var places = await db.KeyPlaces.AsNoTracking()
            .Select(k => new { k.Id, k.Name, k.Categories, k.Location, k.JurisdictionId, k.HeightMeters, k.Occupants })
            .ToListAsync(ct);

        // Past fires at the place: fire incidents received in the last year, and those of the last 30 days.
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.KeyPlaceId != null && i.Type == IncidentType.Fire && i.ReceivedAt >= yearAgo)
            .GroupBy(i => i.KeyPlaceId!.Value)
            .Select(g => new { Place = g.Key, Year = g.Count(), Month = g.Count(i => i.ReceivedAt >= monthAgo) })
            .ToDictionaryAsync(x => x.Place, ct);

        // Fires the monitoring confirmed in the last 30 days that did not (yet) become an incident, so
        // one fire is not counted twice.
        var sensedFires = await db.SensingAlarms.AsNoTracking()
            .Where(a => a.Type == SensingAlarm.FireType && a.ConfirmedAt != null && a.ConfirmedAt >= monthAgo && a.IncidentId == null)
            .GroupBy(a => a.KeyPlaceId)
            .Select(g => new { Place = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Place, x => x.Count, ct);

        var devices = await db.MonitoredDevices.AsNoTracking()
            .GroupBy(d => d.KeyPlaceId)
            .Select(g => new { Place = g.Key, Total = g.Count(), Offline = g.Count(d => !d.Online) })
            .ToDictionaryAsync(x => x.Place, ct);

        var open = (await db.SensingAlarms.AsNoTracking()
                .Where(a => a.ClosedAt == null && LiveTypes.Contains(a.Type))
                .GroupBy(a => new { a.KeyPlaceId, a.Type })
                .Select(g => new { g.Key.KeyPlaceId, g.Key.Type, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.KeyPlaceId);

        // Alarms of the last day that say something happened (fire, gas, heat…); impairments are
        // counted above as what they are, not again as alarms.
        var recent = await db.SensingAlarms.AsNoTracking()
            .Where(a => a.CreatedAt >= dayAgo && !LiveTypes.Contains(a.Type))
            .GroupBy(a => a.KeyPlaceId)
            .Select(g => new { Place = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Place, x => x.Count, ct);

        var result = new List<(RiskPlace, PlaceRiskFacts)>(places.Count);
        foreach (var p in places)
        {
            var fires = incidents.GetValueOrDefault(p.Id);
            var device = devices.GetValueOrDefault(p.Id);
            var alarms = open[p.Id].ToDictionary(x => x.Type, x => x.Count);
            var total = device?.Total ?? 0;
            // A device is offline when it says so or when its offline alarm is open, whichever shows more.
            var offline = Math.Min(total, Math.Max(device?.Offline ?? 0, alarms.GetValueOrDefault("offline")));
            var facts = new PlaceRiskFacts(
                p.Categories, p.HeightMeters, p.Occupants,
                FiresLastYear: fires?.Year ?? 0,
                OpenHazards: null, CreditScore: null,
                ActiveFaults: FaultTypes.Sum(alarms.GetValueOrDefault),
                ShieldedZones: alarms.GetValueOrDefault("shielded"),
                DevicesOffline: offline, DevicesTotal: total,
                LowPipePressure: alarms.GetValueOrDefault("low_pressure") > 0,
                LowTankLevel: alarms.GetValueOrDefault("low_level") > 0,
                AlarmsLast24Hours: recent.GetValueOrDefault(p.Id),
                ConfirmedFiresLast30Days: (fires?.Month ?? 0) + sensedFires.GetValueOrDefault(p.Id));
            result.Add((new RiskPlace(p.Id, p.Name, p.Categories, p.Location, p.JurisdictionId), facts));
        }
        return result;
    }
}
