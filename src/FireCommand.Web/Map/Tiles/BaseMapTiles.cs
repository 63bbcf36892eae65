using System.Security.Cryptography;
using FireCommand.Web.Shared;
using Microsoft.Net.Http.Headers;

namespace FireCommand.Web.Map.Tiles;

/// <summary>
/// GET /api/map/tiles/{z}/{x}/{y}: the configured tile file's tiles, for signed-in users (the
/// fallback policy; base-map tiles are public geography like the roads, the same for every
/// jurisdiction, and reading them is not audited). Tiles go out as stored, with their content type and
/// encoding, an ETag from their content and a private cache lifetime; a tile the file lacks is 204.
/// </summary>
public static class BaseMapTiles
{
    // A replaced file shows within the hour; unchanged tiles are revalidated by ETag for a 304.
    private const string CacheControl = "private, max-age=3600";

    public static WebApplicationBuilder AddBaseMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MapOptions>, BaseMapOptionsValidation>();
        builder.Services.AddSingleton<BaseMap>();
        return builder;
    }

    public static RouteGroupBuilder MapBaseMapTiles(this RouteGroupBuilder map)
    {
        // Opened now, so a missing or broken tile file stops the start with its reason, not the first map.
        ((IEndpointRouteBuilder)map).ServiceProvider.GetRequiredService<BaseMap>();
        map.MapGet("/tiles/{z:int}/{x:int}/{y:int}", GetTile);
        return map;
    }

    private static async Task<IResult> GetTile(int z, int x, int y, BaseMap baseMap, HttpContext http, CancellationToken ct)
    {
        if (baseMap.Source is not { } source)
            return TypedResults.Problem(statusCode: 404, title: "No base map file",
                detail: "The platform serves tiles only when Map:BaseLayer:Kind is mbtiles or pmtiles.");
        var check = new Validation();
        if (z is < 0 or > 30) check.Add("z", "z must be between 0 and 30.");
        else
        {
            long size = 1L << z;
            if (x < 0 || x >= size) check.Add("x", $"x must be between 0 and {size - 1} at zoom {z}.");
            if (y < 0 || y >= size) check.Add("y", $"y must be between 0 and {size - 1} at zoom {z}.");
        }
        if (!check.IsValid) return check.Problem();

        var headers = http.Response.Headers;
        headers.CacheControl = CacheControl;
        if (await source.GetTileAsync(z, x, y, ct) is not { } tile) return TypedResults.NoContent();

        var etag = "\"" + Convert.ToHexString(SHA256.HashData(tile.Data), 0, 16) + "\"";
        headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == etag))))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (tile.ContentEncoding is { } encoding) headers.ContentEncoding = encoding;
        return TypedResults.Bytes(tile.Data, source.Info.ContentType);
    }
}
