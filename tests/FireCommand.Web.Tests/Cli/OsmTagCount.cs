using System.IO.Compression;
using System.Xml;

namespace FireCommand.Web.Tests.Cli;

/// <summary>
/// Reads a gzip OSM XML file with a plain XmlReader, apart from every OSM library the platform uses,
/// and lists the objects carrying a tag: the independent reference for what a package imported.
/// </summary>
internal static class OsmTagCount
{
    /// <summary>"node/ID" or "way/ID" of every node or way tagged key=value; node coordinates alongside.</summary>
    public static Dictionary<string, (double Lat, double Lon)?> Objects(string osmGz, string key, string value)
    {
        var found = new Dictionary<string, (double, double)?>(StringComparer.Ordinal);
        using var file = File.OpenRead(osmGz);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var xml = XmlReader.Create(gz, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        string? current = null;
        (double, double)? at = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.Name)
            {
                case "node" or "way" or "relation":
                    current = xml.Name == "relation" ? null : $"{xml.Name}/{xml.GetAttribute("id")}";
                    at = xml.Name == "node"
                        ? (double.Parse(xml.GetAttribute("lat")!, System.Globalization.CultureInfo.InvariantCulture),
                           double.Parse(xml.GetAttribute("lon")!, System.Globalization.CultureInfo.InvariantCulture))
                        : null;
                    break;
                case "tag" when current is not null && xml.GetAttribute("k") == key && xml.GetAttribute("v") == value:
                    found[current] = at;
                    break;
            }
        }
        return found;
    }
}
