using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using static FireCommand.Core.Tests.Dispatch.RecommendationBuilder;

namespace FireCommand.Core.Tests.Dispatch;

/// <summary>The recommender against exhaustive enumeration on small random cases: same number of
/// slots filled and exactly the same least cost (travel + last-unit penalties).</summary>
public class UnitRecommenderOptimalityTests
{
    private static readonly UnitCapability[] Kinds =
    [
        UnitCapability.Water, UnitCapability.Water | UnitCapability.Rescue | UnitCapability.Foam, UnitCapability.Aerial,
        UnitCapability.Aerial | UnitCapability.Water, UnitCapability.Rescue, UnitCapability.Water | UnitCapability.Foam,
    ];

    private static readonly UnitCapability[] Needs =
        [UnitCapability.Water, UnitCapability.Rescue, UnitCapability.Aerial, UnitCapability.Foam, UnitCapability.Water | UnitCapability.Rescue];

    private static readonly UnitStatus[] Statuses =
        [UnitStatus.Available, UnitStatus.Available, UnitStatus.Available, UnitStatus.Available, UnitStatus.Returning, UnitStatus.Training, UnitStatus.OnScene];

    [Fact]
    public void Recommend_MatchesBruteForce_OnSmallRandomCases()
    {
        var rng = new Random(20261128);
        for (int c = 0; c < 1500; c++)
        {
            var request = RandomCase(rng);
            var got = UnitRecommender.Recommend(request);
            var (filled, cost) = BruteForce(request);
            var label = $"case {c}: {Describe(request)}";
            Assert.True(filled == got.Units.Count, $"{label}: filled {got.Units.Count}, optimum {filled}");
            Assert.True(cost == got.TotalCostSeconds, $"{label}: cost {got.TotalCostSeconds}, optimum {cost}");
            Assert.Equal(request.Slots.Sum(s => s.Count) - filled, got.Shortfalls.Sum(s => s.Missing));
            foreach (var pick in got.Units)
            {
                var unit = request.Units.Single(u => u.Id == pick.UnitId);
                Assert.True(pick.Slot.Requirement.IsMetBy(unit.Capabilities, unit.Type), label);
            }
        }
    }

    private static RecommendationRequest RandomCase(Random rng)
    {
        int unitCount = rng.Next(1, 7);
        var units = new List<CandidateUnit>();
        var eta = new Dictionary<long, double?>();
        for (int i = 0; i < unitCount; i++)
        {
            long id = rng.Next(1, 1000);
            while (units.Any(u => u.Id == id)) id = rng.Next(1, 1000);
            units.Add(Unit(id, Kinds[rng.Next(Kinds.Length)], station: rng.Next(1, 4), status: Statuses[rng.Next(Statuses.Length)],
                jurisdiction: rng.Next(4) == 0 ? 2 : HomeBrigade));
            // Coarse times make ties common, which is where tie-breaking bugs hide.
            eta[id] = rng.Next(10) == 0 ? null : rng.Next(1, 12) * 30;
        }
        int instances = rng.Next(1, 5);
        var slots = new List<RequiredSlot>();
        var needs = Needs.OrderBy(_ => rng.Next()).ToList();
        for (int k = 0; instances > 0; k++)
        {
            int count = rng.Next(1, instances + 1);
            slots.Add(Slot(needs[k], count));
            instances -= count;
        }
        var counts = new Dictionary<long, int>();
        for (long s = 1; s <= 3; s++)
            if (rng.Next(3) > 0) counts[s] = rng.Next(0, 4);
        var options = new RecommendationOptions
        {
            AllowReturningUnits = rng.Next(2) == 0,
            AllowCrossJurisdiction = rng.Next(3) > 0,
            LastUnitPenaltySeconds = new[] { 0, 60, 120, 300 }[rng.Next(4)],
        };
        return Request(slots, units, eta, counts, options);
    }

    /// <summary>Every way to give each unit one slot group or none, within the groups' counts.</summary>
    private static (int Filled, double Cost) BruteForce(RecommendationRequest r)
    {
        var o = r.Options!;
        var units = r.Units;
        bool Eligible(CandidateUnit u, RequiredSlot s) =>
            u.Status.CanBeDispatched() && (u.Status != UnitStatus.Returning || o.AllowReturningUnits) &&
            (o.AllowCrossJurisdiction || u.StationJurisdictionId == HomeBrigade) &&
            r.TravelTimes[u.Id].Seconds is not null && s.Requirement.IsMetBy(u.Capabilities, u.Type);
        // A station's cover: its declared count, never fewer than the available units listed there.
        var cover = r.AvailableUnitsByStation.ToDictionary(p => p.Key,
            p => Math.Max(p.Value, units.Count(u => u.HomeStationId == p.Key && u.Status == UnitStatus.Available)));

        var choice = new int[units.Count];
        (int Filled, double Cost) best = (-1, double.MaxValue);
        Recurse(0);
        return best;

        void Recurse(int i)
        {
            if (i == units.Count)
            {
                int filled = 0;
                double cost = 0;
                var taken = new Dictionary<long, int>();
                var used = new int[r.Slots.Count];
                for (int k = 0; k < units.Count; k++)
                {
                    if (choice[k] < 0) continue;
                    if (++used[choice[k]] > r.Slots[choice[k]].Count) return;
                    filled++;
                    cost += r.TravelTimes[units[k].Id].Seconds!.Value;
                    if (units[k].Status == UnitStatus.Available && cover.ContainsKey(units[k].HomeStationId))
                        taken[units[k].HomeStationId] = taken.GetValueOrDefault(units[k].HomeStationId) + 1;
                }
                cost += taken.Count(t => t.Value >= cover[t.Key]) * o.LastUnitPenaltySeconds;
                if (filled > best.Filled || filled == best.Filled && cost < best.Cost) best = (filled, cost);
                return;
            }
            choice[i] = -1;
            Recurse(i + 1);
            for (int g = 0; g < r.Slots.Count; g++)
            {
                if (!Eligible(units[i], r.Slots[g])) continue;
                choice[i] = g;
                Recurse(i + 1);
            }
        }
    }

    private static string Describe(RecommendationRequest r) =>
        string.Join(", ", r.Slots.Select(s => $"{s.Count}×{s.Requirement}")) + " | " +
        string.Join(", ", r.Units.Select(u => $"{u.Id}:{u.Capabilities}/{u.Status}/s{u.HomeStationId}/j{u.StationJurisdictionId}/{r.TravelTimes[u.Id].Seconds?.ToString() ?? "-"}")) +
        " | stations " + string.Join(",", r.AvailableUnitsByStation.Select(p => $"{p.Key}={p.Value}")) +
        $" | penalty {r.Options!.LastUnitPenaltySeconds} returning {r.Options.AllowReturningUnits} cross {r.Options.AllowCrossJurisdiction}";
}
