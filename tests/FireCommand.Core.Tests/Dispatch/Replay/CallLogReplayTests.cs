using FireCommand.Core.Analytics;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Replay;
using static FireCommand.Core.Tests.Dispatch.Replay.ReplayTestData;

namespace FireCommand.Core.Tests.Dispatch.Replay;

public class CallLogReplayTests
{
    // Two fire calls 110 m and 4 minutes apart while the first is still being worked: the second is offered
    // for merge. A third fire 2 km away is not. A fourth, at the first call's place after it cleared, is not.
    // A fifth, medical, is far from everything.
    private static readonly string Text = Log(
        Row("1", "E1", received: "04/07/2020 10:00:00 AM", dispatch: "04/07/2020 10:01:00 AM", enRoute: "04/07/2020 10:02:00 AM",
            onScene: "04/07/2020 10:05:00 AM", available: "04/07/2020 11:00:00 AM", location: "\"(37.7749, -122.4194)\""),
        Row("1", "M1", unitType: "MEDIC", received: "04/07/2020 10:00:00 AM", dispatch: "04/07/2020 10:00:30 AM",
            enRoute: "04/07/2020 10:01:00 AM", onScene: "04/07/2020 10:04:00 AM", location: "\"(37.7749, -122.4194)\""),
        Row("2", "E2", received: "04/07/2020 10:04:00 AM", dispatch: "04/07/2020 10:05:00 AM", enRoute: "04/07/2020 10:06:00 AM", onScene: null,
            available: "04/07/2020 10:20:00 AM", location: "\"(37.7759, -122.4194)\""),
        Row("3", "E3", received: "04/07/2020 10:06:00 AM", dispatch: "04/07/2020 10:07:00 AM", enRoute: "04/07/2020 10:08:00 AM", onScene: "04/07/2020 10:12:00 AM",
            available: "04/07/2020 10:30:00 AM", location: "\"(37.7929, -122.4194)\""),
        Row("4", "E4", received: "04/07/2020 11:05:00 AM", dispatch: "04/07/2020 11:06:00 AM", enRoute: "04/07/2020 11:07:00 AM",
            onScene: "04/07/2020 11:10:00 AM", available: "04/07/2020 11:30:00 AM", location: "\"(37.7749, -122.4194)\""),
        Row("5", "M5", received: "04/07/2020 12:00:00 PM", dispatch: "04/07/2020 12:01:00 PM", enRoute: "04/07/2020 12:02:00 PM",
            onScene: "04/07/2020 12:10:00 PM", available: "04/07/2020 12:40:00 PM", callType: "Medical Incident",
            group: "Potentially Life-Threatening", unitType: "MEDIC", location: "\"(37.7000, -122.4194)\""));

    private static CallLog ReadLog() => SfCallLogReader.Read(new StringReader(Text), "test.csv");

    [Fact]
    public async Task Replay_OffersMergeOnlyAgainstCallsOpenNearbyAtThatMoment()
    {
        var report = await new CallLogReplay(ReplayClock.Unpaced(), new ReplayDecisions())
            .RunAsync(ReadLog().Calls, ct: TestContext.Current.CancellationToken);

        var decisions = report.Decisions!;
        Assert.Equal(5, decisions.DuplicateChecked);
        Assert.Equal(1, decisions.OfferedForMerge);
        var offer = Assert.Single(decisions.FirstOffers);
        Assert.Equal(("2", "1", 1), (offer.CallNumber, offer.CandidateNumber, offer.Candidates));
        Assert.InRange(offer.DistanceMeters, 100, 120);
        Assert.Equal(4, offer.MinutesApart);
        Assert.Equal(5, decisions.CallsByLevel[1]); // nobody reported trapped, no key place: level 1
    }

    [Fact]
    public async Task Replay_CollectsTheLoggedTimesIntoTheStatistics()
    {
        var report = await new CallLogReplay(ReplayClock.Unpaced()).RunAsync(ReadLog().Calls, ct: TestContext.Current.CancellationToken);

        Assert.Null(report.Decisions);
        Assert.Equal((5, 6), (report.Calls, report.UnitRows));
        Assert.Equal(4, report.CallsByType[IncidentType.Fire]);
        Assert.Equal(1, report.CallsByType[IncidentType.SocialAssistance]);
        var stats = report.Statistics;
        Assert.Equal(5, stats.Calls);
        // Call processing: 30 s for call 1 (the medic was dispatched first), 60 s for the others.
        Assert.Equal(5, stats[ResponseInterval.CallProcessing].Count);
        Assert.Equal(60, stats[ResponseInterval.CallProcessing].P50);
        Assert.Equal(0.2, stats[ResponseInterval.CallProcessing].ShareWithin(30), 10);
        // Total: 240 s (call 1's first arrival is the medic's at 10:04), 360, 300 and 600 s; call 2 never arrived.
        Assert.Equal(4, stats[ResponseInterval.Total].Count);
        Assert.Equal(300, stats[ResponseInterval.Total].P50);
        Assert.Equal(600, stats[ResponseInterval.Total].P95);
        // The medic is not an engine: call 1's first-engine travel is E1's 10:02 → 10:05 (180 s); then 240 and 180 s.
        Assert.Equal(3, stats[ResponseInterval.FirstEngineTravel].Count);
        Assert.Equal(180, stats[ResponseInterval.FirstEngineTravel].P50);
        Assert.Equal(0, stats.Intervals.Sum(i => i.Inconsistent));
        Assert.Equal(new DateTimeOffset(2020, 4, 7, 10, 0, 0, TimeSpan.FromHours(-7)), report.FirstReceivedAt);
        Assert.Equal(new DateTimeOffset(2020, 4, 7, 12, 0, 0, TimeSpan.FromHours(-7)), report.LastReceivedAt);
    }

    [Fact]
    public async Task PacedReplay_WaitsThroughTheInjectedDelay_ForTheLogSpanOverTheSpeed()
    {
        var time = new ManualTime();
        var report = await new CallLogReplay(new ReplayClock(600, time, time.Delay))
            .RunAsync(ReadLog().Calls, ct: TestContext.Current.CancellationToken);

        // Receipts at 10:00, 10:04, 10:06, 11:05, 12:00: waits of 240, 120, 3,540 and 3,300 log seconds at 600×.
        Assert.Equal([0.4, 0.2, 5.9, 5.5], time.Delays.Select(d => Math.Round(d.TotalSeconds, 3)));
        Assert.Equal(TimeSpan.FromSeconds(12), report.Waited);
    }

    [Fact]
    public async Task Replay_SortsCallsGivenOutOfOrder_AndReportsProgressToTheEnd()
    {
        var calls = ReadLog().Calls.Reverse().ToList();
        var seen = new List<double>();
        var report = await new CallLogReplay(ReplayClock.Unpaced(), new ReplayDecisions())
            .RunAsync(calls, new SyncProgress(seen), TestContext.Current.CancellationToken);
        Assert.Equal("2", report.Decisions!.FirstOffers[0].CallNumber);
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0], seen);
    }

    [Fact]
    public async Task Cancellation_StopsTheReplay()
    {
        var replay = new CallLogReplay(ReplayClock.Unpaced());
        await Assert.ThrowsAsync<OperationCanceledException>(() => replay.RunAsync(ReadLog().Calls, ct: new CancellationToken(true)));
    }

    private sealed class SyncProgress(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
