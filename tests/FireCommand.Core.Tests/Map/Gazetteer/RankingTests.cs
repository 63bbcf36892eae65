using FireCommand.Core.Map.Gazetteer;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Map.Gazetteer;

public sealed class RankingTests
{
    private readonly Core.Map.Gazetteer.Gazetteer _gazetteer = SampleGazetteer.Build();

    [Fact]
    public void Search_WithNear_RanksTheCloserOfEquallyGoodMatchesFirst()
    {
        var nearQingshan = _gazetteer.Search("人民路", near: SampleGazetteer.Qingshan);
        var nearLinchuan = _gazetteer.Search("人民路", near: SampleGazetteer.Linchuan);

        Assert.Equal(["road:5", "road:3"], nearQingshan.Take(2).Select(m => m.Entry.Id).ToArray());
        Assert.Equal(["road:3", "road:5"], nearLinchuan.Take(2).Select(m => m.Entry.Id).ToArray());
        Assert.True(nearQingshan[0].DistanceMeters < nearQingshan[1].DistanceMeters);
    }

    [Fact]
    public void Search_WithoutNear_RanksEquallyGoodMatchesByImportance_AndReportsNoDistance()
    {
        var matches = _gazetteer.Search("万达");

        Assert.Equal(["kp:3", "kp:4"], matches.Select(m => m.Entry.Id).ToArray());
        Assert.All(matches, m => Assert.Null(m.DistanceMeters));
    }

    [Fact]
    public void Search_WithNear_NeverLiftsAWorseKindOfMatchAboveABetterOne()
    {
        // 白沙古镇 is a prefix match right where the caller stands; 白沙镇 (matched by its root) is 200 m away.
        var matches = _gazetteer.Search("白沙", near: SampleGazetteer.At(SampleGazetteer.Linchuan, -0.061, 0.031));

        Assert.Equal("town:2", matches[0].Entry.Id);
    }

    [Fact]
    public void Search_WithNear_MeasuresToTheNearestPointOfARoad_NotToItsPin()
    {
        var top = _gazetteer.Search("G60沪昆高速", near: SampleGazetteer.Qingshan)[0];

        Assert.Equal("road:7", top.Entry.Id);
        Assert.Equal(0, top.DistanceMeters);
        Assert.True(SampleGazetteer.Qingshan.DistanceMetersTo(top.Entry.Location) > 30_000);
    }

    [Fact]
    public void Search_ForACrossing_PrefersRoadsNamedAsTheyAre_OverAnotherEnding()
    {
        // 解放路 × 人民路 exists in 临川区; in 青山县 it is 解放大道 × 人民路.
        Assert.Equal("junction:4", _gazetteer.Search("人民路和解放路")[0].Entry.Id);
    }

    [Fact]
    public void Search_IsDeterministic_AcrossBuildsAndThreads()
    {
        string[] queries = ["人民路", "万达", "大坪村", "滨江路和解放路口", "石门镇大坪村", "lcwd", "临州万达广场", "路"];
        var near = new GeoPoint(28.4, 113.1);
        var expected = queries.Select(q => Render(_gazetteer.Search(q, 20, near))).ToArray();

        var rebuilt = SampleGazetteer.Build();
        Assert.Equal(expected, queries.Select(q => Render(rebuilt.Search(q, 20, near))).ToArray());

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Render(_gazetteer.Search(queries[i % queries.Length], 20, near)));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % queries.Length], results[i]);
    }

    [Fact]
    public void Search_ReturnsAtMostTheLimit_BestFirst()
    {
        Assert.True(_gazetteer.Search("解放", limit: 10).Count > 3);

        var matches = _gazetteer.Search("解放", limit: 3);

        Assert.Equal(3, matches.Count);
        Assert.True(matches[0].Score >= matches[1].Score && matches[1].Score >= matches[2].Score);
    }

    private static string Render(IReadOnlyList<GazetteerMatch> matches) =>
        string.Join(";", matches.Select(m => $"{m.Entry.Id}:{m.Score}:{m.Kind}:{m.SpanStart}:{m.SpanLength}"));
}
