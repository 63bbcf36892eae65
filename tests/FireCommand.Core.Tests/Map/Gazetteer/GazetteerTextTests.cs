using FireCommand.Core.Map.Gazetteer;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class GazetteerTextTests
{
    [Fact]
    public void Normalise_FoldsFullWidthAndCase_DropsSpacesAndPunctuation_AndMapsBack()
    {
        var text = GazetteerText.Normalise("Ｇ６０ 沪昆·高速（东）");

        Assert.Equal("g60沪昆高速东", text.Text);
        // "高速" sits at 7..8 in the original.
        Assert.Equal((7, 2), text.ToSource(5, 2));
    }

    [Fact]
    public void Normalise_RemembersWhereSeparatorsStood()
    {
        var text = GazetteerText.Normalise(" 滨江路 / 解放路 ");

        Assert.Equal("滨江路解放路", text.Text);
        Assert.Equal([3], text.Breaks);
    }

    [Theory]
    [InlineData("石门镇", "石门")]
    [InlineData("大坪村", "大坪")]
    [InlineData("解放大道", "解放")]
    [InlineData("g320国道", "g320")]
    [InlineData("江州市", "江州")]
    [InlineData("县城", null)]
    [InlineData("市", null)]
    [InlineData("临川万达广场", null)]
    public void Root_DropsOneGenericEnding_KeepingAtLeastTwoCharacters(string name, string? root)
    {
        Assert.Equal(root, GazetteerText.Root(name));
    }

    [Theory]
    [InlineData("石门镇", "石门镇", 0)]
    [InlineData("石门镇", "石们镇", 1)]
    [InlineData("青山县人医院", "青山县人民医院", 1)]
    [InlineData("临州万达广厂", "临川万达广场", 2)]
    public void Bounded_CountsEditsUpToTheBound(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, 1) is var d && d > 1 ? 2 : d);
    }

    [Fact]
    public void InText_FindsTheClosestSubstring_AndWhereItIs()
    {
        Assert.Equal((1, 0, 4), EditDistance.InText("临州万达", "临川万达广场"));
        Assert.Equal((0, 2, 2), EditDistance.InText("万达", "临川万达广场"));
    }
}
