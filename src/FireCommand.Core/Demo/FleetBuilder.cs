using FireCommand.Core.Resources;
using FireCommand.Core.Shared;

namespace FireCommand.Core.Demo;

/// <summary>
/// The apparatus of every station (about 400 units). Each station draws a unit count in its kind's
/// range; counts are then nudged so the province total lands in 370–430 whatever the station mix.
/// Most units are available (10 备勤), some training (30), a few under repair (40), and a handful
/// returning (25) or standing by at another station (26), as on any ordinary day.
/// </summary>
internal static class FleetBuilder
{
    private const int MinTotal = 370;
    private const int MaxTotal = 430;

    public static List<Unit> Build(AdminPlan admin, List<StationSite> stations, DateTimeOffset now, int seed)
    {
        var rng = Prng.ForStage(seed, 7);
        var lineUps = stations.Select(s => ApparatusCatalog.LineUp(s.Station.Kind, rng)).ToList();
        var counts = lineUps.Select(l => rng.Between(l.Min, l.Max)).ToArray();
        Nudge(counts, lineUps.Select(l => (l.Min, l.Max)).ToList(), rng);

        var plates = new HashSet<string>(StringComparer.Ordinal);
        var units = new List<Unit>();
        for (var i = 0; i < stations.Count; i++)
        {
            var site = stations[i];
            var (core, extras, _, _) = lineUps[i];
            var pool = extras.ToList();
            rng.Shuffle(pool);
            var types = core.Concat(pool).Take(counts[i]).ToList();
            var perLabel = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var type in types)
            {
                var spec = ApparatusCatalog.Spec(type, site.Station.Kind, rng);
                var n = perLabel[spec.Label] = perLabel.GetValueOrDefault(spec.Label) + 1;
                var unit = new Unit
                {
                    Id = units.Count + 1,
                    CallSign = $"{site.ShortName} {spec.Label}{n}",
                    PlateNumber = Plate(admin.Shape.Abbreviation, site.Brigade.City.PlateLetter, plates, rng),
                    Type = type,
                    Capabilities = spec.Capabilities,
                    WaterCapacityLiters = spec.WaterLiters,
                    FoamCapacityLiters = spec.FoamLiters,
                    ReachHeightMeters = spec.ReachMeters,
                    Seats = spec.Seats,
                    HomeStationId = site.Station.Id,
                    JurisdictionId = site.Station.JurisdictionId,
                    Position = Geography.Factory.CreatePoint(site.Station.Location.Coordinate.Copy()),
                    Version = rng.NextGuid(),
                };
                unit.InitialiseStatus(Status(rng), now.AddMinutes(-rng.Between(5, 600)));
                units.Add(unit);
            }
        }
        return units;
    }

    private static void Nudge(int[] counts, List<(int Min, int Max)> ranges, Prng rng)
    {
        for (var guard = 0; guard < 10_000; guard++)
        {
            var total = counts.Sum();
            var i = rng.Below(counts.Length);
            if (total < MinTotal && counts[i] < ranges[i].Max) counts[i]++;
            else if (total > MaxTotal && counts[i] > ranges[i].Min) counts[i]--;
            else if (total is >= MinTotal and <= MaxTotal) return;
        }
    }

    private static UnitStatus Status(Prng rng) => rng.NextDouble() switch
    {
        < 0.80 => UnitStatus.Available,
        < 0.89 => UnitStatus.Training,
        < 0.94 => UnitStatus.UnderRepair,
        < 0.97 => UnitStatus.Returning,
        _ => UnitStatus.Standby,
    };

    /// <summary>Emergency-service plates: province character, city letter, four digits and 应急, e.g. 云A·2345应急.</summary>
    private static string Plate(string abbreviation, char cityLetter, HashSet<string> taken, Prng rng)
    {
        while (true)
        {
            var plate = $"{abbreviation}{cityLetter}·{rng.Between(0, 9999):D4}应急";
            if (taken.Add(plate)) return plate;
        }
    }
}
