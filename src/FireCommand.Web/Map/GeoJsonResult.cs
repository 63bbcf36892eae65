using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace FireCommand.Web.Map;

/// <summary>
/// A map layer's GeoJSON with a validator. The ETag is a hash of the exact bytes, so it changes
/// with the data version and with what the caller's jurisdiction may see; a browser that still
/// holds the same bytes gets 304 with no body. <c>private, no-cache</c>: the browser keeps the layer
/// but asks each time, so a change (or a signed-out session) is never served from a stale copy.
/// A URL that names its data version may instead be cached for good (<see cref="Immutable"/>).
/// Thread-safe (immutable).
/// </summary>
public sealed class GeoJsonResult(byte[] json, string cacheControl = GeoJsonResult.Revalidate) : IResult
{
    public const string ContentType = "application/geo+json";

    public const string Revalidate = "private, no-cache";

    /// <summary>For a URL that carries the data version: another version has another URL.</summary>
    public const string Immutable = "private, max-age=31536000, immutable";

    public string ETag { get; } = Tag(json);

    public static string Tag(byte[] json) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(json), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = cacheControl;
        if (Matches(httpContext.Request.Headers.IfNoneMatch.ToString(), ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentType = ContentType;
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }

    private static bool Matches(string ifNoneMatch, string etag)
    {
        if (string.IsNullOrEmpty(ifNoneMatch)) return false;
        if (!EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)) return false;
        // Compression middleware may mark the tag weak (W/"…"); the bytes behind it are the same.
        return tags.Any(t => t.Tag.Equals(new EntityTagHeaderValue(etag).Tag) || t == EntityTagHeaderValue.Any);
    }
}
