using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class PersonnelTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Roll_CrewsEveryStationWithItsJurisdiction(int seed)
    {
        var p = fixture.Get(seed);
        var stations = p.Stations.ToDictionary(s => s.Id);

        Assert.InRange(p.Personnel.Count, 2_000, 4_000);
        Assert.All(p.Personnel, x =>
        {
            Assert.True(stations.TryGetValue(x.StationId, out var station));
            Assert.Equal(station!.JurisdictionId, x.JurisdictionId);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", x.Name);
            Assert.Matches(@"^1[3-9]\d{9}$", x.Phone!);
        });
        var roll = p.Personnel.ToLookup(x => x.StationId);
        var seats = p.Units.ToLookup(u => u.HomeStationId);
        Assert.All(p.Stations, s => Assert.True(roll[s.Id].Count() >= seats[s.Id].Sum(u => u.Seats), $"{s.Name} cannot crew its units"));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_Ranks_FollowPostsAndStationKind(int seed)
    {
        var p = fixture.Get(seed);
        var kinds = p.Stations.ToDictionary(s => s.Id, s => s.Kind);

        foreach (var x in p.Personnel)
        {
            var kind = kinds[x.StationId];
            if (kind is StationKind.FullTime or StationKind.TownshipTeam or StationKind.MicroStation)
            {
                Assert.Equal(FireRescueRank.Civilian, x.Rank);
                continue;
            }
            Assert.NotEqual(FireRescueRank.Civilian, x.Rank);
            if (x.Post is "站长" or "指导员" or "副站长") Assert.InRange(x.Rank, FireRescueRank.Officer5, FireRescueRank.Commander1);
            else Assert.InRange(x.Rank, FireRescueRank.ProbationaryFirefighter, FireRescueRank.SeniorFirefighter1);
        }
        Assert.All(p.Stations.Where(s => s.Kind is StationKind.Special or StationKind.Class1 or StationKind.Class2 or StationKind.Small),
            s => Assert.Single(p.Personnel, x => x.StationId == s.Id && x.Post == "站长"));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_OnDutyShare_IsOneThirdToOneHalf(int seed)
    {
        var roll = fixture.Get(seed).Personnel;

        Assert.InRange(roll.Count(x => x.OnDuty) / (double)roll.Count, 1 / 3.0, 0.5);
    }
}
