using System.Globalization;
using FireCommand.Core.Shared;

namespace FireCommand.Web.Linkage;

/// <summary>
/// GeoJSON downloads of the One Map's layers for other agencies' GIS: <c>?download=true</c> on a
/// layer endpoint answers the same document (within the caller's jurisdiction, as always) with a
/// Content-Disposition that names the layer and the corps' date, e.g. stations-20261203.geojson.
/// </summary>
public static class LayerDownloads
{
    /// <summary>The layers offered for download, by their path under /api/map.</summary>
    public static IReadOnlySet<string> Layers { get; } =
        new HashSet<string>(["stations", "water-sources", "key-places", "jurisdictions", "incidents"], StringComparer.Ordinal);

    public static RouteGroupBuilder AddLayerDownloads(this RouteGroupBuilder map) => map.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (http.Request.Query.TryGetValue("download", out var flag) && string.Equals(flag.ToString(), "true", StringComparison.OrdinalIgnoreCase))
        {
            var layer = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            if (!Layers.Contains(layer))
                return new Shared.Validation().Add("download",
                    $"download is offered for {string.Join(", ", Layers.Order())}.").Problem();
            var calendar = http.RequestServices.GetRequiredService<CorpsCalendar>();
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            var day = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.Zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{layer}-{day}.geojson\"";
        }
        return await next(context);
    });
}
