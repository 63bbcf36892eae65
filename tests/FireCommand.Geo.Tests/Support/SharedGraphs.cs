using FireCommand.Geo.Graph;
using FireCommand.Geo.Import;
using FireCommand.Geo.Import.Osm;

namespace FireCommand.Geo.Tests.Support;

/// <summary>Imports each shared graph once per test run (NY takes seconds; tests only read it).</summary>
internal static class SharedGraphs
{
    private static readonly Lazy<RoadNetwork> Ny = new(() =>
        DimacsReader.Read(SharedData.Require("dimacs/USA-road-t.NY.gr.gz"), SharedData.Require("dimacs/USA-road-d.NY.co.gz")));
    private static readonly Dictionary<string, Lazy<(RoadNetwork, OsmImportReport)>> Osm = new()
    {
        ["north-bayreuth"] = new(() => OsmImporter.Import(SharedData.Require("osm/north-bayreuth.osm.gz"))),
        ["monaco"] = new(() => OsmImporter.Import(SharedData.Require("osm/monaco.osm.pbf"))),
        ["shenzhen-futian"] = new(() => OsmImporter.Import(SharedData.Require("osm/shenzhen-futian.osm.gz"))),
    };

    public static RoadNetwork NewYork()
    {
        SharedData.Require("dimacs/USA-road-t.NY.gr.gz"); // skip before touching the Lazy
        SharedData.Require("dimacs/USA-road-d.NY.co.gz");
        return Ny.Value;
    }

    public static (RoadNetwork Network, OsmImportReport Report) OsmFile(string name)
    {
        SharedData.Require(name switch { "monaco" => "osm/monaco.osm.pbf", _ => $"osm/{name}.osm.gz" });
        return Osm[name].Value;
    }

    public static RoadNetwork Get(string name) => name == "ny" ? NewYork() : OsmFile(name).Network;
}
