namespace FireCommand.Web.Hosting;

/// <summary>
/// Starting on a province package (setting <c>Province:Path</c>, or <c>--province &lt;dir&gt;</c>): an empty
/// database is seeded from the package instead of the generated demo province, and routing uses the
/// package's graph. A relative path is taken from the working directory, as on any command line.
/// Demo users and the call simulator still follow <c>Demo:Enabled</c>, so a corps can train on its own map.
/// </summary>
public static partial class ProvinceStart
{
    public const string PathKey = "Province:Path";

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "Seeded province package {Province}: {Jurisdictions} jurisdictions, {Stations} stations, {Units} units, {WaterSources} water sources, {Roads} road segments, {History} past incidents")]
    public static partial void LogSeeded(ILogger logger, string province, int jurisdictions, int stations, int units,
        int waterSources, int roads, int history);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information,
        Message = "Re-imported province package {Province}: stations {StationsAdded} added, {StationsUpdated} updated, {StationsRetired} retired; water sources {WaterAdded} added, {WaterUpdated} updated, {WaterRetired} out of service; key places {PlacesAdded} added, {PlacesUpdated} updated, {PlacesRetired} retired")]
    public static partial void LogReimported(ILogger logger, string province, int stationsAdded, int stationsUpdated, int stationsRetired,
        int waterAdded, int waterUpdated, int waterRetired, int placesAdded, int placesUpdated, int placesRetired);
}
