using FireCommand.Core.Demo;
using FireCommand.Core.Map.Gazetteer;
using FireCommand.Core.Tests.Demo;

namespace FireCommand.Core.Tests.Map.Gazetteer;

[Collection(DemoProvinceCollection.Name)]
public sealed class PinyinInitialsTests(DemoProvinceFixture provinces)
{
    [Theory]
    [InlineData("临川万达广场", "lcwdgc")]
    [InlineData("青山县人民医院", "qsxrmyy")]
    [InlineData("滨江路", "bjl")]
    [InlineData("g60沪昆高速", "g60hkgs")]
    [InlineData("澧水", "ls")]
    public void Variants_OfAName_StartWithItsMainReading(string name, string expected)
    {
        Assert.Equal(expected, PinyinInitials.Variants(name)[0]);
    }

    [Fact]
    public void Variants_OfAPolyphone_IncludeThePlaceNameReading()
    {
        // 大厦 is da-sha, 厦门 is xia-men: both are indexed.
        Assert.Contains("gjds", PinyinInitials.Variants("国际大厦"));
        Assert.Contains("gjdx", PinyinInitials.Variants("国际大厦"));
    }

    [Fact]
    public void Variants_OfANameWithAnUncoveredCharacter_AreEmpty()
    {
        // 𠀀 (U+20000) lies outside the table; a partial initials string would mislead.
        Assert.Empty(PinyinInitials.Variants("石门\U00020000"));
        Assert.Null(PinyinInitials.Of('쀀'));
    }

    [Fact]
    public void Initials_AgreeWithTheDemoSyllableTables()
    {
        // The generator's own tables pair each syllable with its initial, written by hand: an independent check.
        foreach (var pairs in new[] { PlaceSyllables.Heads, PlaceSyllables.Tails, PlaceSyllables.CityTails })
        {
            for (var i = 0; i < PlaceSyllables.Count(pairs); i++)
            {
                var c = PlaceSyllables.CharAt(pairs, i);
                var expected = char.ToLowerInvariant(PlaceSyllables.InitialAt(pairs, i));
                Assert.True(PinyinInitials.Of(c)?.Contains(expected) == true, $"{c}: expected {expected}, got {PinyinInitials.Of(c)}");
            }
        }
    }

    [Fact]
    public void EveryCharacterOfTheGeneratorsNameLists_HasAnInitial()
    {
        var lists = new[]
        {
            PlaceSyllables.Heads, PlaceSyllables.Tails, PlaceSyllables.CityTails, PlaceSyllables.VillageSurnames,
            PlaceSyllables.VillageLandforms, PlaceSyllables.VillageQualifiers, "家村镇乡县区市省路街大道号组第中学医院人民中医",
        }.Concat(PlaceSyllables.UrbanAreas).Concat(PlaceSyllables.StreetRoots).Concat(KeyPlaceNames.EstateBrands)
            .Concat(KeyPlaceNames.EstateSuffixes).Concat(KeyPlaceNames.Towers).Concat(KeyPlaceNames.Complexes)
            .Concat(KeyPlaceNames.CityVenues).Concat(KeyPlaceNames.Undergrounds).Concat(KeyPlaceNames.Plants).Concat(KeyPlaceNames.Relics);

        var missing = lists.SelectMany(s => s).Where(char.IsLetter).Where(c => PinyinInitials.Of(c) is null).Distinct().ToArray();

        Assert.True(missing.Length == 0, "no initial for: " + new string(missing));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void EveryNameInAGeneratedProvince_HasInitials(int seed)
    {
        var p = provinces.Get(seed);
        var names = p.Stations.Select(s => s.Name).Concat(p.KeyPlaces.Select(k => k.Name)).Concat(p.Settlements.Select(s => s.Name))
            .Concat(p.RoadSegments.Select(r => r.Name ?? "")).Concat(p.Jurisdictions.Select(j => j.Name)).Concat([p.ProvinceName]);

        var uncovered = names.Where(n => PinyinInitials.Variants(GazetteerText.Fold(n)).Count == 0 && n.Length > 0).Distinct().ToList();

        Assert.True(uncovered.Count == 0, "no initials for: " + string.Join(", ", uncovered.Take(20)));
    }

    [Theory]
    [InlineData("lcwd")]
    [InlineData("LCWD")]
    [InlineData("lcwdgc")]
    public void Search_ByPinyinInitials_FindsThePlace(string query)
    {
        var top = SampleGazetteer.Build().Search(query)[0];

        Assert.Equal("kp:3", top.Entry.Id);
        Assert.Equal(MatchKind.PinyinInitials, top.Kind);
        Assert.Equal("临川万达广场"[..query.Length], top.MatchedText.Substring(top.SpanStart, top.SpanLength));
    }

    [Fact]
    public void Search_ByInitialsInsideAName_FindsEveryPlaceWithThem()
    {
        var matches = SampleGazetteer.Build().Search("wdgc");

        Assert.Equal(["kp:3", "kp:4"], matches.Select(m => m.Entry.Id).Order().ToArray());
    }

    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);
}
