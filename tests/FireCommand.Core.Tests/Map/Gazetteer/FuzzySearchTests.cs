using FireCommand.Core.Map.Gazetteer;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class FuzzySearchTests
{
    private readonly Core.Map.Gazetteer.Gazetteer _gazetteer = SampleGazetteer.Build();

    [Theory]
    [InlineData("临州万达广场", "kp:3")] // substitution
    [InlineData("青山县人医院", "kp:1")] // deletion
    [InlineData("青山县人民民医院", "kp:1")] // insertion
    [InlineData("王家平村", "village:3")]
    public void Search_WithOneWrongMissingOrExtraCharacter_FindsThePlace(string query, string id)
    {
        var top = _gazetteer.Search(query)[0];

        Assert.Equal(id, top.Entry.Id);
        Assert.Equal(MatchKind.Fuzzy, top.Kind);
        Assert.Equal(1, top.EditDistance);
    }

    [Fact]
    public void Search_WithTheMiddleCharacterOfAThreeCharacterNameWrong_FindsThePlace()
    {
        var top = _gazetteer.Search("石们镇")[0];

        Assert.Equal("town:1", top.Entry.Id);
        Assert.Equal(MatchKind.Fuzzy, top.Kind);
    }

    [Fact]
    public void Search_WithATypoInAPartialName_FindsThePlaceAndTheSpan()
    {
        var top = _gazetteer.Search("临州万达")[0];

        Assert.Equal("kp:3", top.Entry.Id);
        Assert.Equal(MatchKind.Fuzzy, top.Kind);
        Assert.Equal((0, 4), (top.SpanStart, top.SpanLength));
    }

    [Fact]
    public void Search_WithTwoWrongCharacters_FindsNoFuzzyMatch()
    {
        Assert.DoesNotContain(_gazetteer.Search("临州万达广厂"), m => m.Entry.Id == "kp:3");
    }

    [Fact]
    public void Search_ExactMatch_OutranksAOneEditMatch()
    {
        // 大坪村 is exact; 王家坪村 is not within one edit, but nothing fuzzy may beat the exact ones.
        var matches = _gazetteer.Search("大坪村");

        Assert.All(matches.Take(2), m => Assert.Equal(MatchKind.Exact, m.Kind));
        Assert.All(matches.Skip(2), m => Assert.NotEqual(MatchKind.Exact, m.Kind));
    }

    [Fact]
    public void Search_WithTwoCharacters_DoesNotGuessFuzzily()
    {
        // "石们" is half wrong; two-character queries match only exactly, by prefix or inside names.
        Assert.Empty(_gazetteer.Search("石们"));
    }
}
