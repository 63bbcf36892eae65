using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class FleetTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_EveryUnit_HasAnExistingHomeStationWithTheSameJurisdiction(int seed)
    {
        var p = fixture.Get(seed);
        var stations = p.Stations.ToDictionary(s => s.Id);

        Assert.InRange(p.Units.Count, 350, 450);
        Assert.All(p.Units, u =>
        {
            Assert.True(stations.TryGetValue(u.HomeStationId, out var home), u.CallSign);
            Assert.Equal(home!.JurisdictionId, u.JurisdictionId);
            Assert.True(u.Position.EqualsExact(home.Location), u.CallSign);
            Assert.Null(u.HomeStation);
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_FleetPerStation_MatchesItsKind(int seed)
    {
        var p = fixture.Get(seed);
        var ranges = new Dictionary<StationKind, (int Min, int Max)>
        {
            [StationKind.Special] = (8, 12), [StationKind.Class1] = (5, 7), [StationKind.Class2] = (3, 5), [StationKind.Small] = (2, 3),
            [StationKind.FullTime] = (2, 3), [StationKind.TownshipTeam] = (1, 2), [StationKind.MicroStation] = (0, 1),
        };
        var fleets = p.Units.ToLookup(u => u.HomeStationId);
        Assert.All(p.Stations, s => Assert.InRange(fleets[s.Id].Count(), ranges[s.Kind].Min, ranges[s.Kind].Max));

        ApparatusType[] specialists = [ApparatusType.AerialPlatform, ApparatusType.Ladder, ApparatusType.ElevatingJet, ApparatusType.Rescue,
            ApparatusType.Foam, ApparatusType.Command, ApparatusType.AirSupply, ApparatusType.Decontamination];
        Assert.All(p.Stations.Where(s => s.Kind == StationKind.Special),
            s => Assert.All(specialists, type => Assert.Contains(fleets[s.Id], u => u.Type == type)));
        Assert.All(p.Units.Where(u => u.Type == ApparatusType.Motorcycle),
            u => Assert.Equal(StationKind.MicroStation, p.Stations.Single(s => s.Id == u.HomeStationId).Kind));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_UnitSpecifications_AreRealistic(int seed)
    {
        Assert.All(fixture.Get(seed).Units, u =>
        {
            Assert.InRange(u.Seats, 2, 7);
            Assert.InRange(u.WaterCapacityLiters, 0, 12_000);
            Assert.InRange(u.FoamCapacityLiters, 0, 4_000);
            if (u.Type is ApparatusType.AerialPlatform or ApparatusType.Ladder or ApparatusType.ElevatingJet)
            {
                Assert.InRange(u.ReachHeightMeters, 32, 101);
                Assert.True(u.Capabilities.HasFlag(UnitCapability.Aerial));
            }
            else
            {
                Assert.Equal(0, u.ReachHeightMeters);
                Assert.False(u.Capabilities.HasFlag(UnitCapability.Aerial));
            }
            // Water means "can put water on a fire": from its own tank, or a monitor or relay fed by others.
            if (u.WaterCapacityLiters > 0 && u.Type != ApparatusType.Decontamination) Assert.True(u.Capabilities.HasFlag(UnitCapability.Water));
            if (u.Capabilities.HasFlag(UnitCapability.Water) && u.WaterCapacityLiters == 0)
                Assert.Contains(u.Type, new[] { ApparatusType.AerialPlatform, ApparatusType.LongDistanceWaterSupply });
            if (u.FoamCapacityLiters > 0) Assert.True(u.Capabilities.HasFlag(UnitCapability.Foam));
            Assert.Matches(@"^.[A-H]·\d{4}应急$", u.PlateNumber!);
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_UnitStatuses_LookLikeAnOrdinaryDay(int seed)
    {
        var units = fixture.Get(seed).Units;
        double Share(UnitStatus s) => units.Count(u => u.Status == s) / (double)units.Count;

        Assert.InRange(Share(UnitStatus.Available), 0.7, 0.9);
        Assert.InRange(Share(UnitStatus.Training), 0.03, 0.15);
        Assert.InRange(Share(UnitStatus.UnderRepair), 0.01, 0.1);
        Assert.Contains(units, u => u.Status is UnitStatus.Returning or UnitStatus.Standby);
        Assert.DoesNotContain(units, u => u.Status.IsOnIncident());
        Assert.All(units, u => Assert.InRange(u.StatusChangedAt, DemoProvinceFixture.Now.AddHours(-12), DemoProvinceFixture.Now));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_CallSignsAndPlates_AreUnique(int seed)
    {
        var units = fixture.Get(seed).Units;

        Assert.Equal(units.Count, units.Select(u => u.CallSign).Distinct().Count());
        Assert.Equal(units.Count, units.Select(u => u.PlateNumber).Distinct().Count());
        Assert.Equal(units.Count, units.Select(u => u.Version).Distinct().Count());
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_CallSigns_StartWithTheirStationsShortName(int seed)
    {
        var p = fixture.Get(seed);
        var prefixes = p.Units.GroupBy(u => u.HomeStationId)
            .Select(g => (Station: p.Stations.Single(s => s.Id == g.Key), Prefixes: g.Select(u => u.CallSign.Split(' ')[0]).Distinct().ToList()))
            .ToList();

        Assert.All(prefixes, x =>
        {
            var prefix = Assert.Single(x.Prefixes);
            Assert.Contains(prefix[..2], x.Station.Name);
        });
        Assert.Equal(prefixes.Count, prefixes.Select(x => x.Prefixes[0]).Distinct().Count());
    }
}
