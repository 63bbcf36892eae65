using FireCommand.Core.Map.Gazetteer;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class ContextSearchTests
{
    private readonly Core.Map.Gazetteer.Gazetteer _gazetteer = SampleGazetteer.Build();

    [Theory]
    [InlineData("石门镇大坪村", "village:1")]
    [InlineData("白沙镇大坪村", "village:2")]
    [InlineData("石门大坪村", "village:1")]
    [InlineData("江州市青山县石门镇大坪村", "village:1")]
    [InlineData("青山县 大坪", "village:1")]
    public void Search_WithEnclosingPlacesFirst_PrefersThePlaceInThem(string query, string id)
    {
        var top = _gazetteer.Search(query)[0];

        Assert.Equal(id, top.Entry.Id);
        Assert.True(top.ContextMatched);
    }

    [Fact]
    public void Search_WithEnclosingPlacesFirst_StillListsNamesakesElsewhere_Lower()
    {
        var matches = _gazetteer.Search("石门镇大坪村");

        var other = Assert.Single(matches, m => m.Entry.Id == "village:2");
        Assert.False(other.ContextMatched);
        Assert.True(other.Score < matches[0].Score);
    }

    [Fact]
    public void Search_ForAStreetWithItsCounty_PrefersTheCountysStreet_EvenNearTheOtherOne()
    {
        var top = _gazetteer.Search("青山县人民路", near: SampleGazetteer.Linchuan)[0];

        Assert.Equal("road:5", top.Entry.Id);
    }

    [Fact]
    public void Search_ForAPlaceWhoseNameStartsWithItsCounty_FindsItExactly()
    {
        var top = _gazetteer.Search("青山县人民医院")[0];

        Assert.Equal("kp:1", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
    }

    [Fact]
    public void Search_ForAPartOfANameAfterItsCounty_PrefersThePlaceInThatCounty()
    {
        var matches = _gazetteer.Search("江州市人民医院");

        // Both hospitals lie in 江州市, so both keep the context bonus, whether or not their name holds it.
        Assert.Equal(["kp:1", "kp:2"], matches.Select(m => m.Entry.Id).Order().ToArray());
        Assert.All(matches, m => Assert.True(m.ContextMatched));
    }

    [Fact]
    public void Search_ForAnAddressNotIndexed_FindsItsStreet()
    {
        var top = _gazetteer.Search("人民路128号", near: SampleGazetteer.Qingshan)[0];

        Assert.Equal("road:5", top.Entry.Id);
        Assert.Equal(MatchKind.Exact, top.Kind);
        Assert.Equal("人民路", top.MatchedText);
    }

    [Fact]
    public void Search_ForAVillageGroupWithItsTown_FindsTheVillage()
    {
        var top = _gazetteer.Search("石门镇大坪村5组")[0];

        Assert.Equal("village:1", top.Entry.Id);
        Assert.True(top.ContextMatched);
    }

    [Fact]
    public void Search_ForARoadNumberedLikeG60_DoesNotTakeTheNumberForAHouseNumber()
    {
        Assert.Equal("road:7", _gazetteer.Search("G60")[0].Entry.Id);
    }
}
