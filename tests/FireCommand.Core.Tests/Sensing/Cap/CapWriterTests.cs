using System.Text.RegularExpressions;
using System.Xml.Linq;
using FireCommand.Core.Sensing.Cap;

namespace FireCommand.Core.Tests.Sensing.Cap;

/// <summary>
/// CAP 1.2 output against the standard's own document model (OASIS CAP 1.2, §3.2: the element order of
/// alert, info and area, written out here from the specification, not from the writer).
/// </summary>
public sealed class CapWriterTests
{
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly string[] AlertOrder =
        ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info"];

    private static readonly string[] InfoOrder =
    [
        "language", "category", "event", "responseType", "urgency", "severity", "certainty", "audience", "eventCode", "effective",
        "onset", "expires", "senderName", "headline", "description", "instruction", "web", "contact", "parameter", "resource", "area",
    ];

    private static readonly string[] AreaOrder = ["areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"];

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public void Alert_FollowsTheStandardsElementOrder_WithEveryRequiredElement()
    {
        var doc = XDocument.Parse(CapWriter.ToXml(Sample()));
        var alert = doc.Root!;
        Assert.Equal(Cap + "alert", alert.Name);
        AssertOrdered(alert, AlertOrder);
        foreach (var required in new[] { "identifier", "sender", "sent", "status", "msgType", "scope" })
            Assert.NotNull(alert.Element(Cap + required));
        var info = Assert.Single(alert.Elements(Cap + "info"));
        AssertOrdered(info, InfoOrder);
        foreach (var required in new[] { "category", "event", "urgency", "severity", "certainty" })
            Assert.NotNull(info.Element(Cap + required));
        var area = Assert.Single(info.Elements(Cap + "area"));
        AssertOrdered(area, AreaOrder);
        Assert.Equal("Fire", info.Element(Cap + "category")!.Value);
        Assert.Equal(("Actual", "Alert", "Public"), (alert.Element(Cap + "status")!.Value, alert.Element(Cap + "msgType")!.Value, alert.Element(Cap + "scope")!.Value));
        Assert.Equal(("Immediate", "Severe", "Observed"),
            (info.Element(Cap + "urgency")!.Value, info.Element(Cap + "severity")!.Value, info.Element(Cap + "certainty")!.Value));
    }

    [Theory]
    [InlineData(8, "2026-12-03T17:02:05+08:00")]
    [InlineData(0, "2026-12-03T09:02:05+00:00")]
    [InlineData(-5, "2026-12-03T04:02:05-05:00")]
    public void Times_HaveSecondsAndAnExplicitOffset_NeverZ(int offsetHours, string expected)
    {
        // 09:02:05.789 UTC, with a fraction that CAP cannot carry.
        var at = new DateTimeOffset(2026, 12, 3, 9, 2, 5, 789, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offsetHours));
        Assert.Equal(expected, CapWriter.Time(at));
        // CAP 1.2 §3.3.2's dateTime pattern.
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$"), CapWriter.Time(at));
    }

    [Fact]
    public void Polygon_IsWrittenLatitudeFirst_AndClosed()
    {
        var doc = XDocument.Parse(CapWriter.ToXml(Sample()));
        var polygon = doc.Descendants(Cap + "polygon").Single().Value;
        var pairs = polygon.Split(' ');
        // The open ring [lon, lat] of four corners comes out closed: five pairs, the first repeated.
        Assert.Equal(5, pairs.Length);
        Assert.Equal(pairs[0], pairs[^1]);
        Assert.Equal("22.54,114.05", pairs[0]);
        Assert.Equal("22.5413,114.0512 0.5", doc.Descendants(Cap + "circle").Single().Value);
    }

    [Fact]
    public void UserText_IsEscaped_AndReadsBackAsWritten()
    {
        const string name = "<b>撤离</b> & \"A\"座";
        var alert = Sample() with { Info = [Sample().Info[0] with { Headline = name, Description = name }] };
        var xml = CapWriter.ToXml(alert);
        Assert.DoesNotContain("<b>", xml, StringComparison.Ordinal);
        var info = XDocument.Parse(xml).Root!.Element(Cap + "info")!;
        Assert.Equal(name, info.Element(Cap + "headline")!.Value);
        Assert.Equal(name, info.Element(Cap + "description")!.Value);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a,b")]
    [InlineData("")]
    [InlineData("a<b")]
    public void Identifier_WithSpacesCommasOrRestrictedCharacters_IsRefused(string identifier)
    {
        var e = Assert.Throws<ArgumentException>(() => CapWriter.ToXml(Sample() with { Identifier = identifier }));
        Assert.Contains("Identifier", e.ParamName, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_ReferencesTheEarlierAlert_AsSenderIdentifierSent()
    {
        var first = Sample();
        var update = first with
        {
            Identifier = "FC-ALARM-17-2", MessageType = CapMessageType.Update,
            References = [new CapReference(first.Sender, first.Identifier, first.Sent)],
        };
        var doc = XDocument.Parse(CapWriter.ToXml(update));
        Assert.Equal("fire@corps.example,FC-ALARM-17,2026-12-03T17:02:05+08:00", doc.Root!.Element(Cap + "references")!.Value);
        Assert.Equal("Update", doc.Root.Element(Cap + "msgType")!.Value);
    }

    [Fact]
    public void AtomFeed_ListsNewestFirst_LinksEachCapDocument_AndInlinesTheAlert()
    {
        var older = Sample();
        var newer = Sample() with { Identifier = "FC-ALARM-18", Sent = older.Sent.AddMinutes(5) };
        var xml = CapAtomFeed.ToXml("urn:firecommand:warnings", "预警", new Uri("https://corps.example/api/sensing/warnings.atom"),
            older.Sent.AddMinutes(10),
            [new CapFeedEntry(older, new Uri("https://corps.example/api/sensing/warnings/17.cap")),
             new CapFeedEntry(newer, new Uri("https://corps.example/api/sensing/warnings/18.cap"))]);
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287 §4.1.1: a feed has id, title and updated; updated is the newest entry's.
        Assert.Equal("2026-12-03T17:07:05+08:00", feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["urn:cap:fire@corps.example:FC-ALARM-18", "urn:cap:fire@corps.example:FC-ALARM-17"],
            entries.Select(e => e.Element(Atom + "id")!.Value));
        var link = entries[0].Element(Atom + "link")!;
        Assert.Equal(("alternate", "application/cap+xml", "https://corps.example/api/sensing/warnings/18.cap"),
            (link.Attribute("rel")!.Value, link.Attribute("type")!.Value, link.Attribute("href")!.Value));
        Assert.Equal("FC-ALARM-18", entries[0].Element(Atom + "content")!.Element(Cap + "alert")!.Element(Cap + "identifier")!.Value);
    }

    [Fact]
    public void EmptyFeed_IsStillAValidFeed_UpdatedAtTheMomentAsked()
    {
        var at = new DateTimeOffset(2026, 12, 3, 17, 0, 0, Shanghai);
        var feed = XDocument.Parse(CapAtomFeed.ToXml("urn:firecommand:warnings", "预警", new Uri("https://corps.example/w.atom"), at, [])).Root!;
        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.Equal("2026-12-03T17:00:00+08:00", feed.Element(Atom + "updated")!.Value);
    }

    private static void AssertOrdered(XElement parent, string[] order)
    {
        var positions = parent.Elements().Select(e =>
        {
            Assert.Equal(Cap, e.Name.Namespace);
            var at = Array.IndexOf(order, e.Name.LocalName);
            Assert.True(at >= 0, $"<{e.Name.LocalName}> is not a child of <{parent.Name.LocalName}> in CAP 1.2");
            return at;
        }).ToList();
        for (var i = 1; i < positions.Count; i++)
            Assert.True(positions[i - 1] <= positions[i], $"<{order[positions[i]]}> comes after <{order[positions[i - 1]]}> in CAP 1.2");
    }

    private static CapAlert Sample() => new(
        "FC-ALARM-17", "fire@corps.example", new DateTimeOffset(2026, 12, 3, 17, 2, 5, Shanghai), CapStatus.Actual, CapMessageType.Alert,
        CapScope.Public, [], "20261203-00042",
        [
            new CapInfo("zh-CN", "火灾", CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Observed, "福田某商场 火警已确认",
                "3层烟感与手动报警按钮先后报警", "远离该建筑，听从现场指挥", "消防救援总队", new DateTimeOffset(2026, 12, 3, 19, 2, 5, Shanghai),
                null, [new("placeCategory", "人员密集场所")],
                [new CapArea("福田某商场", [[[114.05, 22.54], [114.052, 22.54], [114.052, 22.542], [114.05, 22.542]]],
                    [new CapCircle(22.5413, 114.0512, 0.5)])]),
        ]);
}
