using FireCommand.Core.Map.Province;

namespace FireCommand.Web.Map;

/// <summary>
/// The gazetteer names of the province package the platform started on (records.json <c>names</c>:
/// POIs, their other names, addresses), read from the package at start; empty for the demo province.
/// They are not stored in the database: every node is started with the same package (it also reads its
/// routing graph from there), so every node searches the same names, and a rebuilt package brings its
/// names with it on the next start. Set once at start, read-only afterwards; thread-safe.
/// </summary>
public sealed class PackageNames
{
    private volatile IReadOnlyList<NameRecord> _names = [];

    public IReadOnlyList<NameRecord> Names => _names;

    public void Load(IReadOnlyList<NameRecord> names) => _names = names;
}
