using FireCommand.Core.Dispatch.Replay;

namespace FireCommand.Core.Tests.Dispatch.Replay;

public class CsvRecordReaderTests
{
    private static List<CsvRecord> Read(string text, int maxLines = CsvRecordReader.DefaultMaxLinesPerRecord) =>
        new CsvRecordReader(new StringReader(text), maxLines).ReadAll().ToList();

    [Fact]
    public void QuotedField_WithCommas_IsOneField()
    {
        var record = Assert.Single(Read("1,\"1000 Block of MISSION ST, Apt 2\",\"(37.7, -122.4)\"\n"));
        Assert.Equal(["1", "1000 Block of MISSION ST, Apt 2", "(37.7, -122.4)"], record.Fields);
        Assert.True(record.IsValid);
    }

    [Fact]
    public void DoubledQuotes_InsideAQuotedField_AreOneQuote() =>
        Assert.Equal(["He said \"fire\"", "x"], Assert.Single(Read("\"He said \"\"fire\"\"\",x")).Fields);

    [Fact]
    public void EmptyFields_AreKept_IncludingATrailingOne() =>
        Assert.Equal(["a", "", "c", "", ""], Assert.Single(Read("a,,c,\"\",\r\n")).Fields);

    [Fact]
    public void LineBreakInsideQuotes_ContinuesTheRecord_AndLineNumbersStayPhysical()
    {
        var records = Read("h1,h2\n1,\"first line\nsecond line\"\n2,x\n");
        Assert.Equal([1L, 2L, 4L], records.Select(r => r.LineNumber));
        Assert.Equal(["1", "first line\nsecond line"], records[1].Fields);
        Assert.Equal(["2", "x"], records[2].Fields);
    }

    [Fact]
    public void UnclosedQuote_IsReportedAtItsLine_AndTheFollowingLinesAreStillRead()
    {
        var records = Read("h1,h2\n1,\"broken\n2,ok\n3,ok\n", maxLines: 2);
        Assert.Equal([1L, 2L, 3L, 4L], records.Select(r => r.LineNumber));
        Assert.False(records[1].IsValid);
        Assert.Contains("not closed", records[1].Error);
        Assert.Equal(["2", "ok"], records[2].Fields);
        Assert.Equal(["3", "ok"], records[3].Fields);
    }

    [Fact]
    public void UnclosedQuote_AtTheEndOfTheFile_IsAnErrorRecord_NotAnException()
    {
        var records = Read("a,b\n\"never closed,x");
        Assert.Equal(2, records.Count);
        Assert.Equal(2, records[1].LineNumber);
        Assert.NotNull(records[1].Error);
    }

    [Fact]
    public void TextAfterAClosingQuote_IsAnError()
    {
        var record = Assert.Single(Read("\"abc\"def,x"));
        Assert.False(record.IsValid);
        Assert.Contains("after a closing quote", record.Error);
    }

    [Fact]
    public void QuoteInsideAnUnquotedField_IsKeptAsText() =>
        Assert.Equal(["5'10\" man", "x"], Assert.Single(Read("5'10\" man,x")).Fields);

    [Fact]
    public void BlankLines_AreSkipped_AndCountInLineNumbers()
    {
        var records = Read("a\n\n\r\nb\n");
        Assert.Equal([1L, 4L], records.Select(r => r.LineNumber));
    }
    [Fact]
    public void StrayQuote_ThatWouldSwallowTheNextQuotedRow_IsReportedAlone()
    {
        // Line 2's quote would "close" at line 3's first quote, giving a broken record; line 3 must survive.
        var reader = new CsvRecordReader(new StringReader("a,b,c\n1,\"open,x\n2,\"(1, 2)\",y\n")) { ExpectedFieldCount = 3 };
        var records = reader.ReadAll().ToList();
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.LineNumber));
        Assert.False(records[1].IsValid);
        Assert.Equal(["2", "(1, 2)", "y"], records[2].Fields);
    }

    [Fact]
    public void StrayQuote_ThatParsesToTheWrongWidth_IsReportedAlone()
    {
        var reader = new CsvRecordReader(new StringReader("a,b\n1,\"open\n2\",y\n3,z\n")) { ExpectedFieldCount = 2 };
        var records = reader.ReadAll().ToList();
        Assert.Equal([1L, 2L, 3L, 4L], records.Select(r => r.LineNumber));
        Assert.Equal([true, false, true, true], records.Select(r => r.IsValid));
        Assert.Equal(["2\"", "y"], records[2].Fields); // lines 2–3 would parse as 3 fields, not the header's 2
    }
}
