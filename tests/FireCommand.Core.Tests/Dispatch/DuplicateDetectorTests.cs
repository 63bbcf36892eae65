using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Dispatch;

public class DuplicateDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly GeoPoint Here = new(28.2, 112.9);

    /// <summary>A point <paramref name="meters"/> north of <see cref="Here"/>.</summary>
    private static GeoPoint North(double meters) => new(Here.Latitude + meters / 111_195.0, Here.Longitude);

    private static ActiveIncident Incident(long id, double metersNorth, double minutesBefore, IncidentType type = IncidentType.Fire,
        string? subtype = null, long? keyPlace = null) =>
        new(id, $"N{id}", North(metersNorth), type, T0.AddMinutes(-minutesBefore), subtype, keyPlace);

    private static NewAlarm Alarm(IncidentType type = IncidentType.Fire, string? subtype = null, long? keyPlace = null) =>
        new(Here, type, T0, subtype, keyPlace);

    [Fact]
    public void FindCandidates_InsideRadiusAndWindow_IsACandidateWithDistanceAndMinutes()
    {
        var c = Assert.Single(DuplicateDetector.FindCandidates(Alarm(), [Incident(1, 300, 10)]));
        Assert.Equal(1, c.IncidentId);
        Assert.InRange(c.DistanceMeters, 299, 301);
        Assert.Equal(10, c.MinutesApart, 6);
        Assert.Contains(c.Reasons, r => r.Code == "duplicate-near");
    }

    [Fact]
    public void FindCandidates_OutsideTheRadius_IsNot() =>
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(), [Incident(1, 520, 5)]));

    [Fact]
    public void FindCandidates_OutsideTheWindow_IsNot() =>
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(), [Incident(1, 50, 31)]));

    [Fact]
    public void FindCandidates_CountsTheWindowFromTheIncidentsLatestCall()
    {
        var burning = Incident(1, 50, 120) with { LastCallAt = T0.AddMinutes(-10) };
        Assert.Single(DuplicateDetector.FindCandidates(Alarm(), [burning]));
    }

    [Fact]
    public void FindCandidates_HonoursConfiguredRadiusAndWindow()
    {
        var options = new DuplicateOptions { RadiusMeters = 2000, WindowMinutes = 60 };
        Assert.Single(DuplicateDetector.FindCandidates(Alarm(), [Incident(1, 1500, 45)], options));
    }

    [Fact]
    public void FindCandidates_MatchesAnAutomaticAlarmWithAPhonedFire() =>
        Assert.Single(DuplicateDetector.FindCandidates(Alarm(IncidentType.Fire), [Incident(1, 100, 2, IncidentType.Fire, IncidentSubtypes.AutomaticAlarm)]));

    [Fact]
    public void FindCandidates_MatchesAFireCallWithATrafficRescue_ButNotWithALiftRescue()
    {
        Assert.Single(DuplicateDetector.FindCandidates(Alarm(IncidentType.Fire), [Incident(1, 100, 2, IncidentType.Rescue, IncidentSubtypes.Traffic)]));
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(IncidentType.Fire), [Incident(1, 100, 2, IncidentType.Rescue, IncidentSubtypes.Lift)]));
    }

    [Fact]
    public void FindCandidates_NeverMatchesAFalseAlarm_EvenWhenTheTableSaysSo()
    {
        var options = new DuplicateOptions { Compatibility = [new TypeMatch(IncidentType.FalseAlarm, IncidentType.Fire), new TypeMatch(IncidentType.FalseAlarm, IncidentType.FalseAlarm)] };
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(), [Incident(1, 10, 1, IncidentType.FalseAlarm)], options));
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(IncidentType.FalseAlarm), [Incident(1, 10, 1)], options));
    }

    [Fact]
    public void FindCandidates_UsesTheConfiguredTableInsteadOfTheDefault()
    {
        var options = new DuplicateOptions { Compatibility = [new TypeMatch(IncidentType.Rescue, IncidentType.Rescue)] };
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(), [Incident(1, 10, 1)], options));
    }

    [Fact]
    public void FindCandidates_AtTheSameKeyPlace_MatchesBeyondTheRadius()
    {
        var c = Assert.Single(DuplicateDetector.FindCandidates(Alarm(keyPlace: 7), [Incident(1, 900, 3, keyPlace: 7)]));
        Assert.Contains(c.Reasons, r => r.Code == "duplicate-same-place");
        Assert.Empty(DuplicateDetector.FindCandidates(Alarm(keyPlace: 7), [Incident(1, 900, 3, keyPlace: 8)]));
    }

    [Fact]
    public void FindCandidates_RanksCloserAndMoreRecentFirst_TiesById()
    {
        var found = DuplicateDetector.FindCandidates(Alarm(), [Incident(4, 400, 20), Incident(3, 50, 1), Incident(2, 200, 5), Incident(1, 200, 5)]);
        Assert.Equal([3, 1, 2, 4], found.Select(c => c.IncidentId));
    }

    [Fact]
    public void FindCandidates_RejectsInvalidOptions() =>
        Assert.Throws<ArgumentException>(() => DuplicateDetector.FindCandidates(Alarm(), [], new DuplicateOptions { RadiusMeters = -1 }));
}
