using FireCommand.Core.Map.Gazetteer;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class ExactAndPartialSearchTests
{
    private readonly Core.Map.Gazetteer.Gazetteer _gazetteer = SampleGazetteer.Build();

    [Fact]
    public void Search_ByFullName_FindsThePlaceFirst_AsAnExactMatch()
    {
        var top = _gazetteer.Search("青山县人民医院")[0];

        Assert.Equal("kp:1", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
        Assert.Equal((0, 7), (top.SpanStart, top.SpanLength));
    }

    [Theory]
    [InlineData("青山县　人民医院 ")]
    [InlineData(" 青山县·人民医院。")]
    [InlineData("青山县（人民医院）")]
    public void Search_WithSpacesPunctuationOrFullWidthForms_IgnoresThem(string query)
    {
        var top = _gazetteer.Search(query)[0];

        Assert.Equal("kp:1", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
    }

    [Theory]
    [InlineData("Ｇ６０沪昆高速")]
    [InlineData("g60沪昆高速")]
    public void Search_WithFullWidthOrLowerCaseLatin_FindsTheRoad(string query)
    {
        var top = _gazetteer.Search(query)[0];

        Assert.Equal("road:7", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
    }

    [Theory]
    [InlineData("石门")]
    [InlineData("石门乡")]
    public void Search_WithoutOrWithAnotherGenericSuffix_FindsTheTown(string query)
    {
        var top = _gazetteer.Search(query)[0];

        Assert.Equal("town:1", top.Entry.Id);
        Assert.Equal(MatchKind.ExactIgnoringSuffix, top.Kind);
        Assert.Equal((0, 2), (top.SpanStart, top.SpanLength));
    }

    [Fact]
    public void Search_WithAnotherKindOfEnding_DoesNotTakeOnePlaceForAnother()
    {
        // 人民路 and 人民村 share a root, but a road ending never stands for a village's: the village
        // is at best one wrong character away.
        var village = Assert.Single(_gazetteer.Search("人民路", 20), m => m.Entry.Id == "village:4");
        Assert.Equal(MatchKind.Fuzzy, village.Kind);
        Assert.Contains(_gazetteer.Search("人民", 20), m => m.Entry.Id == "village:4" && m.Kind == MatchKind.ExactIgnoringSuffix);
    }

    [Fact]
    public void Search_ByTheStartOfAName_FindsItAsAPrefixMatch()
    {
        var matches = _gazetteer.Search("临川万达");

        Assert.Equal("kp:3", matches[0].Entry.Id);
        Assert.Equal(MatchKind.Prefix, matches[0].Kind);
        Assert.Equal((0, 4), (matches[0].SpanStart, matches[0].SpanLength));
    }

    [Fact]
    public void Search_ByPartOfTheName_FindsEveryPlaceContainingIt_WithTheSpan()
    {
        var matches = _gazetteer.Search("万达");

        Assert.Equal(["kp:3", "kp:4"], matches.Select(m => m.Entry.Id).Order().ToArray());
        Assert.All(matches, m =>
        {
            Assert.Equal(MatchKind.Contains, m.Kind);
            Assert.Equal("万达", m.MatchedText.Substring(m.SpanStart, m.SpanLength));
        });
    }

    [Fact]
    public void Search_ByAnAlias_ReportsTheAliasAsTheMatchedText()
    {
        var top = _gazetteer.Search("滨江消防站")[0];

        Assert.Equal("station:1", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
        Assert.Equal("滨江消防站", top.MatchedText);
    }

    [Fact]
    public void Search_ExactName_OutranksPlacesThatOnlyStartWithIt()
    {
        var matches = _gazetteer.Search("白沙");

        // 白沙镇 by its root, then 白沙古镇 by prefix: quality before importance.
        Assert.Equal(["town:2", "kp:5"], matches.Take(2).Select(m => m.Entry.Id).ToArray());
        Assert.Equal(MatchKind.Prefix, matches[1].Kind);
    }

    [Fact]
    public void Search_WithNoMatchingPlace_ReturnsNothing()
    {
        Assert.Empty(_gazetteer.Search("火星基地"));
    }
}
