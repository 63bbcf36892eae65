using FireCommand.Core.Analytics;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Dispatch.Replay;
using FireCommand.Core.Resources;
using static FireCommand.Core.Tests.Dispatch.Replay.ReplayTestData;

namespace FireCommand.Core.Tests.Dispatch.Replay;

public class SfCallLogReaderTests
{
    private static CallLog ReadText(string text) => SfCallLogReader.Read(new StringReader(text), "test.csv");

    [Fact]
    public void RealRows_AreGroupedIntoCalls_InReceiveOrder_WithTheirUnitsAndTimes()
    {
        var log = ReadText(Header + "\n" + RealFirstRows + "\n");

        Assert.Equal(4, log.UnitRows);
        Assert.Equal(0, log.SkippedRows);
        Assert.Equal(["200983546", "200983545"], log.Calls.Select(c => c.CallNumber)); // 11:53:08 PM before 11:54:42 PM
        var first = log.Calls[0];
        Assert.Equal(DateTimeOffset.Parse("2020-04-07T23:53:08-07:00"), first.ReceivedAt);
        Assert.Equal(IncidentType.SocialAssistance, first.Type);
        Assert.Equal(ResponseClass.Ems, first.Mapping.Class);
        Assert.Equal("4000 Block of MISSION ST", first.Address);
        Assert.Equal(37.73217458500619, first.Location!.Value.Latitude, 12);
        Assert.Equal(-122.42779351441527, first.Location!.Value.Longitude, 12);
        var engine = first.Units.Single(u => u.UnitId == "E32");
        Assert.Equal((ApparatusType?)ApparatusType.MainPumper, engine.Apparatus);
        Assert.True(engine.IsEngine);
        Assert.Equal(DateTimeOffset.Parse("2020-04-08T00:00:00-07:00"), engine.OnSceneAt); // "12:00:00 AM" the next day
        Assert.Null(first.Units.Single(u => u.UnitId == "85").Apparatus);                    // MEDIC: no fleet type of ours
        Assert.Equal(DateTimeOffset.Parse("2020-04-08T01:35:00-07:00"), first.ClearedAt);
    }

    [Fact]
    public void RowsOfOneCall_SpreadOverTheFile_AreStillOneCall()
    {
        var log = ReadText(Log(Row("1", "E1"), Row("2", "E2", received: "04/07/2020 09:00:00 AM", dispatch: "04/07/2020 09:01:00 AM"),
            Row("1", "T1", unitType: "TRUCK")));
        Assert.Equal(2, log.Calls.Count);
        Assert.Equal(["E1", "T1"], log.Calls.Single(c => c.CallNumber == "1").Units.Select(u => u.UnitId));
        Assert.Equal("2", log.Calls[0].CallNumber);
    }

    [Fact]
    public void AddressWithComma_AndEmptyOnSceneAndResponseTimes_AreRead()
    {
        var log = ReadText(Log(Row("1", "E1", address: "MARKET ST, near 5TH ST", enRoute: null, onScene: null, available: null)));
        var call = Assert.Single(log.Calls);
        Assert.Equal("MARKET ST, near 5TH ST", call.Address);
        var unit = Assert.Single(call.Units);
        Assert.Null(unit.EnRouteAt);
        Assert.Null(unit.OnSceneAt);
        Assert.Equal(unit.DispatchedAt, call.ClearedAt); // nothing later recorded
    }

    [Fact]
    public void MalformedRows_AreSkipped_CountedByKind_AndReportedWithLineNumbers()
    {
        var text = Log(
            Row("1", "E1"),                                                   // line 2: fine
            Row("2", "E2", received: "04/07/2020 13:00:00 PM"),               // line 3: bad time
            "3,E3,too,few,fields",                                           // line 4
            Row("4", "E4", location: "\"(999, -122.4)\""),                    // line 5: not on the globe
            Row("", "E5"),                                                    // line 6: no call number
            Row("1", "E1"),                                                   // line 7: same unit twice on call 1
            Row("6", "E6", dispatch: null),                                   // line 8: no dispatch time
            "7,E7,\"unclosed,quote",                                          // line 9
            Row("8", "E8"));                                                  // line 10: fine
        var log = ReadText(text);

        Assert.Equal(2, log.UnitRows);
        Assert.Equal(["1", "8"], log.Calls.Select(c => c.CallNumber).Order());
        Assert.Equal(7, log.SkippedRows);
        Assert.Equal(2, log.SkippedByKind[RowProblemKind.BadTime]);
        Assert.Equal(1, log.SkippedByKind[RowProblemKind.FieldCount]);
        Assert.Equal(1, log.SkippedByKind[RowProblemKind.BadLocation]);
        Assert.Equal(1, log.SkippedByKind[RowProblemKind.MissingField]);
        Assert.Equal(1, log.SkippedByKind[RowProblemKind.DuplicateUnit]);
        Assert.Equal(1, log.SkippedByKind[RowProblemKind.Syntax]);
        Assert.Equal([3L, 4L, 5L, 6L, 7L, 8L, 9L], log.FirstProblems.Select(p => p.LineNumber));
        Assert.Contains("Received DtTm '04/07/2020 13:00:00 PM'", log.FirstProblems[0].Detail);
        Assert.Equal("line 4: 5 fields where the header has 34", log.FirstProblems[1].ToString());
    }

    [Fact]
    public void ManyProblems_AreAllCounted_ButOnlyTheFirstFewKept()
    {
        var rows = Enumerable.Range(0, 25).Select(i => $"{i},bad").ToArray();
        var log = ReadText(Log(rows));
        Assert.Equal(25, log.SkippedRows);
        Assert.Equal(SfCallLogReader.MaxReportedProblems, log.FirstProblems.Count);
        Assert.Equal(2, log.FirstProblems[0].LineNumber);
    }

    [Fact]
    public void ColumnsInAnotherOrder_AreFoundByName()
    {
        var text = "Unit ID,Received DtTm,Call Number,Call Type,Dispatch DtTm,Response DtTm,On Scene DtTm\n" +
                   "E1,04/07/2020 10:00:00 AM,77,Traffic Collision,04/07/2020 10:00:50 AM,,\n";
        var call = Assert.Single(ReadText(text).Calls);
        Assert.Equal(("77", IncidentType.Rescue, IncidentSubtypes.Traffic), (call.CallNumber, call.Type, call.Mapping.Subtype));
        Assert.Null(call.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,age\nx,1\n")]
    [InlineData("\"Call Number,Unit ID\n")]
    public void TextThatIsNotACallLog_IsAnInvalidDataException(string text) =>
        Assert.Throws<InvalidDataException>(() => ReadText(text));

    [Theory]
    [InlineData("(37.7749, -122.4194)", true)]
    [InlineData(" ( 37.7749 ,-122.4194 ) ", true)]
    [InlineData("37.7749, -122.4194", false)]
    [InlineData("(37.7749)", false)]
    [InlineData("(91, 0)", false)]
    [InlineData("(abc, def)", false)]
    public void Location_IsLatitudeThenLongitude_InParentheses(string text, bool valid) =>
        Assert.Equal(valid, SfCallLogReader.TryParseLocation(text, out _));
}
