using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Station rolls: officers (站长, 指导员, 副站长), a 通信员, and per unit a driver and crew to fill
/// its seats with a quarter extra for leave and shift rotation. Ranks follow posts; government
/// full-time, township and micro-station members hold no fire-rescue rank. About 40 % are on duty.
/// </summary>
internal static class RosterBuilder
{
    public static List<Personnel> Build(List<StationSite> stations, List<Unit> units, int seed)
    {
        var rng = Prng.ForStage(seed, 8);
        var names = new PersonNames(rng);
        var roll = new List<Personnel>();
        var byStation = units.GroupBy(u => u.HomeStationId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var site in stations)
        {
            var station = site.Station;
            var fleet = byStation.GetValueOrDefault(station.Id) ?? [];
            var ranked = station.Kind is StationKind.Special or StationKind.Class1 or StationKind.Class2 or StationKind.Small;
            void Add(string post, FireRescueRank rank) => roll.Add(new Personnel
            {
                Id = roll.Count + 1,
                Name = names.Next(ranked ? 0.97 : 0.85),
                Rank = ranked ? rank : FireRescueRank.Civilian,
                Post = post,
                StationId = station.Id,
                JurisdictionId = station.JurisdictionId,
                OnDuty = rng.Chance(0.4),
                Phone = names.Mobile(),
            });

            if (ranked)
            {
                var (senior, junior) = station.Kind switch
                {
                    StationKind.Special => (FireRescueRank.Commander3, FireRescueRank.Officer1),
                    StationKind.Class1 => (FireRescueRank.Officer1, FireRescueRank.Officer2),
                    _ => (FireRescueRank.Officer2, FireRescueRank.Officer3),
                };
                Add("站长", rng.Chance(0.5) ? senior : junior);
                Add("指导员", rng.Chance(0.5) ? senior : junior);
                var deputies = station.Kind switch { StationKind.Special => 2, StationKind.Small => 0, _ => 1 };
                for (var d = 0; d < deputies; d++) Add("副站长", rng.Chance(0.5) ? FireRescueRank.Officer4 : FireRescueRank.Officer3);
                Add("通信员", (FireRescueRank)rng.Between((int)FireRescueRank.Firefighter4, (int)FireRescueRank.Firefighter2));
            }
            else
            {
                Add(station.Kind == StationKind.MicroStation ? "站长" : "队长", FireRescueRank.Civilian);
            }

            var (leader, crew) = ranked ? ("班长", "战斗员") : ("副队长", "队员");
            foreach (var unit in fleet)
            {
                // Crew for every seat plus 25 % for the off-duty shift; the driver and the squad leader count as crew.
                var people = (int)Math.Ceiling(unit.Seats * 1.25);
                Add("驾驶员", (FireRescueRank)rng.Between((int)FireRescueRank.Firefighter2, (int)FireRescueRank.SeniorFirefighter2));
                if (people > 2) Add(leader, (FireRescueRank)rng.Between((int)FireRescueRank.Firefighter1, (int)FireRescueRank.SeniorFirefighter1));
                for (var k = people > 2 ? 2 : 1; k < people; k++)
                    Add(crew, (FireRescueRank)rng.Between((int)FireRescueRank.ProbationaryFirefighter, (int)FireRescueRank.Firefighter1));
            }
            if (fleet.Count == 0)
            {
                // A micro station without a vehicle still has its volunteers and hand-carried kit.
                var members = rng.Between(3, 6);
                for (var k = 0; k < members; k++) Add("队员", FireRescueRank.Civilian);
            }
        }
        return roll;
    }
}
