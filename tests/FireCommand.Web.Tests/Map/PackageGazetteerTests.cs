using System.Globalization;
using System.IO.Compression;
using System.Xml;
using FireCommand.Core.Map.Province;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Map;

/// <summary>The platform started on a package built from Taichung Xitun, whose POIs and addresses exist only as package names.</summary>
public sealed class XitunHost : PackageHost
{
    public override string Extract => "osm/taichung-xitun.osm.gz";

    protected override Task<IReadOnlyList<string>> BuildArgumentsAsync(string directory) =>
        Task.FromResult<IReadOnlyList<string>>(["--name", "西屯區"]);
}

public sealed class PackageGazetteerTests(XitunHost host) : PlatformTest<XitunHost>(host), IClassFixture<XitunHost>
{
    [Fact]
    public async Task Locate_FindsPoiNamesAndAddresses_ThatOnlyThePackagesNamesHold_WhereTheExtractPutsThem()
    {
        using var admin = await Admin();
        var scan = OsmScan.Read(Host.ExtractPath);
        var records = Host.Package!.Records;
        var tableNames = records.Stations.Select(s => s.Name).Concat(records.Settlements.Select(s => s.Name))
            .Concat(records.Roads.Select(r => r.Name).OfType<string>()).ToHashSet(StringComparer.Ordinal);

        // POIs: nodes whose name is on no other object of the extract and in no table the gazetteer had before.
        var pois = scan.Nodes.Where(n => n.Tags.TryGetValue("name", out var name) && scan.NameCount[name] == 1 && !tableNames.Contains(name)
                                         && !n.Tags.ContainsKey("place") && !n.Tags.ContainsKey("highway"))
            .OrderBy(n => n.Tags["name"], StringComparer.Ordinal).ToList();
        Assert.True(pois.Count >= 5, $"only {pois.Count} uniquely named POI nodes in the extract");
        foreach (var poi in pois.Take(5))
            await AssertFoundAsync(admin, poi.Tags["name"], poi.Latitude, poi.Longitude);

        // Addresses: a node with a street and house number; its address as the package writes it, found where the node is.
        var addressed = scan.Nodes.Where(n => n.Tags.ContainsKey("addr:street") && n.Tags.ContainsKey("addr:housenumber"))
            .OrderBy(n => n.Id).Take(3).ToList();
        Assert.NotEmpty(addressed);
        foreach (var node in addressed)
        {
            var address = records.Names.Single(r => r.Kind == "address" && r.Source == $"osm:node/{node.Id}").Name;
            Assert.Contains(node.Tags["addr:street"], address);
            await AssertFoundAsync(admin, address, node.Latitude, node.Longitude);
        }
    }

    [Fact]
    public async Task Locate_ForADetachmentUser_StillFindsPoiNames()
    {
        // POIs are public geography like roads: a user who sees only part of the province finds them too.
        using var dispatcher = await Demo("dispatcher");
        var poi = OsmScan.Read(Host.ExtractPath).Nodes
            .Where(n => n.Tags.ContainsKey("name") && n.Tags.ContainsKey("amenity") && !n.Tags.ContainsKey("addr:street"))
            .OrderBy(n => n.Id).First();
        await AssertFoundAsync(dispatcher, poi.Tags["name"], poi.Latitude, poi.Longitude);
    }

    [Fact]
    public async Task AlarmAtARealAddressFoundByName_IsAnsweredByRoadFromTheStationDrawnAsAnArea()
    {
        using var dispatcher = await Demo("dispatcher");
        await GazetteerAlarm.AssertAnsweredByRoadAsync(dispatcher, Host.Package!, "address", "poi");
    }

    private static async Task AssertFoundAsync(ApiClient api, string name, double latitude, double longitude)
    {
        var near = $"{latitude.ToString(CultureInfo.InvariantCulture)},{longitude.ToString(CultureInfo.InvariantCulture)}";
        var candidates = (await api.GetJsonAsync($"/api/locate?q={Uri.EscapeDataString(name)}&limit=10&near={near}")).AsArray();
        var hits = candidates.Where(c => c!["name"]!.GetValue<string>() == name).ToList();
        Assert.True(hits.Count > 0, $"'{name}' not found; got: {string.Join(", ", candidates.Select(c => c!["name"]))}");
        var best = hits.Min(c => Meters(c!["latitude"]!.GetValue<double>(), c["longitude"]!.GetValue<double>(), latitude, longitude));
        Assert.True(best < 1, $"'{name}' found {best:F1} m from where the extract puts it");
    }

    private static double Meters(double lat1, double lon1, double lat2, double lon2) =>
        new FireCommand.Geo.GeoPoint(lat1, lon1).DistanceMetersTo(new FireCommand.Geo.GeoPoint(lat2, lon2));

    /// <summary>A plain XML scan of the extract, independent of the importer: every node with its tags, and how often each name occurs.</summary>
    private sealed record OsmScan(List<OsmScan.Node> Nodes, Dictionary<string, int> NameCount)
    {
        public sealed record Node(long Id, double Latitude, double Longitude, Dictionary<string, string> Tags);

        public static OsmScan Read(string path)
        {
            var nodes = new List<Node>();
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            using var file = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var xml = XmlReader.Create(file);
            Node? current = null;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Name is "node" or "way" or "relation")
                {
                    current = xml.Name == "node"
                        ? new Node(long.Parse(xml.GetAttribute("id")!, CultureInfo.InvariantCulture),
                            double.Parse(xml.GetAttribute("lat")!, CultureInfo.InvariantCulture),
                            double.Parse(xml.GetAttribute("lon")!, CultureInfo.InvariantCulture), [])
                        : null;
                    if (current is not null) nodes.Add(current);
                }
                else if (xml.Name == "tag")
                {
                    var (k, v) = (xml.GetAttribute("k")!, xml.GetAttribute("v")!);
                    if (current is not null) current.Tags[k] = v;
                    if (k is "name" or "name:zh" or "alt_name" or "official_name") names[v] = names.GetValueOrDefault(v) + 1;
                }
            }
            return new OsmScan([.. nodes.Where(n => n.Tags.Count > 0)], names);
        }
    }
}
