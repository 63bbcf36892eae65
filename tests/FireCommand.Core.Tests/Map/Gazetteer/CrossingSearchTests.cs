using FireCommand.Core.Map.Gazetteer;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class CrossingSearchTests
{
    private readonly Core.Map.Gazetteer.Gazetteer _gazetteer = SampleGazetteer.Build();

    [Theory]
    [InlineData("滨江路和解放路口")]
    [InlineData("滨江路与解放路交叉口")]
    [InlineData("解放路与滨江路")]
    [InlineData("滨江路 解放路")]
    [InlineData("滨江路/解放路附近")]
    [InlineData("滨江路解放路")]
    [InlineData("滨江解放路口")]
    public void Search_ForTwoRoads_FindsTheirCrossingFirst(string query)
    {
        var top = _gazetteer.Search(query)[0];

        Assert.Equal("junction:1", top.Entry.Id);
        Assert.Equal(0, top.EditDistance);
    }

    [Fact]
    public void Search_ForACrossingByItsFullName_IsAnExactMatch()
    {
        var top = _gazetteer.Search("解放路与滨江路交叉口")[0];

        Assert.Equal("junction:1", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
    }

    [Fact]
    public void Search_ForACrossing_WithAnotherRoadSuffix_MatchesByRoot()
    {
        // The caller says 解放路; in 青山县 the road is 解放大道.
        var matches = _gazetteer.Search("人民路和解放路口", near: SampleGazetteer.Qingshan);

        Assert.Equal("junction:2", matches[0].Entry.Id);
        Assert.Equal(MatchKind.Crossing, matches[0].Kind);
    }

    [Fact]
    public void Search_ForACrossingOfARoadWhoseNameHoldsHe_SplitsAtTheRightPlace()
    {
        var top = _gazetteer.Search("和平路和解放路")[0];

        Assert.Equal("junction:3", top.Entry.Id);
        Assert.Equal(MatchKind.Crossing, top.Kind);
    }

    [Fact]
    public void Search_ForACrossingWithOneRoadMisspelt_FindsItWithOneEdit()
    {
        var top = _gazetteer.Search("滨江路和解方路")[0];

        Assert.Equal("junction:1", top.Entry.Id);
        Assert.Equal(MatchKind.Crossing, top.Kind);
        Assert.Equal(1, top.EditDistance);
    }

    [Fact]
    public void Search_ForTwoRoadsThatDoNotCross_FindsNoCrossing()
    {
        Assert.DoesNotContain(_gazetteer.Search("滨江路和人民路"), m => m.Entry.Kind == GazetteerKind.Junction && m.Kind == MatchKind.Crossing);
    }

    [Fact]
    public void Search_ForARoadAlone_FindsTheRoadBeforeItsCrossings()
    {
        var matches = _gazetteer.Search("滨江路");

        Assert.Equal("road:1", matches[0].Entry.Id);
        Assert.Contains(matches.Skip(1), m => m.Entry.Id == "junction:1");
    }
}
