using FireCommand.Core.Map.Gazetteer;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class QueryValidationTests
{
    private readonly Core.Map.Gazetteer.Gazetteer _gazetteer = SampleGazetteer.Build();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    [InlineData("，。、！？")]
    public void Search_WithAnEmptyWhitespaceOrPunctuationQuery_ReturnsNoMatches(string query)
    {
        Assert.Empty(_gazetteer.Search(query));
    }

    [Fact]
    public void Search_WithAQueryOverTheMaximumLength_IsRejectedNamingTheQuery()
    {
        var query = new string('路', Core.Map.Gazetteer.Gazetteer.MaxQueryLength + 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _gazetteer.Search(query));
        Assert.Equal("query", error.ParamName);
    }

    [Fact]
    public void Search_WithAQueryOfTheMaximumLength_IsAnswered()
    {
        var query = string.Concat(Enumerable.Repeat("滨江路和解放路口", 25));

        Assert.Equal(Core.Map.Gazetteer.Gazetteer.MaxQueryLength, query.Length);
        Assert.NotNull(_gazetteer.Search(query));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Search_WithALimitOutOfRange_IsRejectedNamingTheLimit(int limit)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _gazetteer.Search("人民路", limit));
        Assert.Equal("limit", error.ParamName);
    }

    [Fact]
    public void Search_WithAnInvalidNearPoint_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => _gazetteer.Search("人民路", near: new GeoPoint(double.NaN, 113)));
        Assert.Equal("near", error.ParamName);
    }

    [Fact]
    public void Search_WithOneCharacter_MatchesOnlyNamesStartingWithIt()
    {
        var matches = _gazetteer.Search("滨");

        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.StartsWith("滨", m.MatchedText));
        Assert.Empty(_gazetteer.Search("路"));
    }

    [Fact]
    public void Search_WithANullQuery_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => _gazetteer.Search(null!));
    }

    [Fact]
    public void Build_WithARepeatedId_IsRejected()
    {
        var entries = SampleGazetteer.Entries().Append(SampleGazetteer.Entries()[0]);

        var error = Assert.Throws<ArgumentException>(() => Core.Map.Gazetteer.Gazetteer.Build(entries));
        Assert.Contains("city:1", error.Message);
    }

    [Theory]
    [InlineData("", 28, 113, 0.5)]
    [InlineData("，", 28, 113, 0.5)]
    [InlineData("人民路", 95, 113, 0.5)]
    [InlineData("人民路", 28, 113, 1.5)]
    public void Build_WithAnEntryWithoutNameValidLocationOrImportance_IsRejected(string name, double lat, double lon, double importance)
    {
        var entry = new GazetteerEntry("bad:1", GazetteerKind.Poi, name, new GeoPoint(lat, lon)) { Importance = importance };

        Assert.Throws<ArgumentException>(() => Core.Map.Gazetteer.Gazetteer.Build([entry]));
    }

    [Fact]
    public void Build_TakesItsOwnCopyOfTheEntriesLists()
    {
        var aliases = new List<string> { "旧名" };
        var gazetteer = Core.Map.Gazetteer.Gazetteer.Build([new GazetteerEntry("p:1", GazetteerKind.Poi, "新名称", new GeoPoint(28, 113)) { Aliases = aliases }]);

        aliases.Add("别名");

        Assert.Equal(["旧名"], gazetteer.Entries[0].Aliases);
        Assert.Empty(gazetteer.Search("别名"));
    }
}
