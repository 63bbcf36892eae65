namespace FireCommand.Web.Resources;

/// <summary>The resources capability: jurisdictions, stations, units, personnel, water sources, key places.</summary>
public static class ResourcesModule
{
    public static RouteGroupBuilder MapResources(this RouteGroupBuilder api) => api
        .MapJurisdictions()
        .MapStations()
        .MapUnits()
        .MapPersonnel()
        .MapWaterSources()
        .MapKeyPlaces();
}
