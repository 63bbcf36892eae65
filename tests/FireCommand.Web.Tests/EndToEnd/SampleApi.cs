using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace FireCommand.Web.Tests.EndToEnd;

/// <summary>
/// Answers /api/map/** and /api/auth/me from the small GeoJSON files in Fixtures/, so a page test
/// can assert exact counts independent of the demo province generator. Records what was asked.
/// </summary>
internal sealed class SampleApi
{
    private readonly List<string> _requested = [];

    public static string FixturesDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures");

    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesDirectory(), name + ".json")))!;

    public static int FeatureCount(string name) => Load(name)["features"]!.AsArray().Count;

    private const string SampleRoadBands = """
        {"version":"sample","bands":[{"index":0,"minZoom":0,"maxZoom":null,"classes":["Expressway","Arterial","UrbanStreet","Local","Mountain"],"tolerancePixels":0,"tileZoom":null}]}
        """;

    public IReadOnlyList<string> Requested
    {
        get { lock (_requested) return [.. _requested]; }
    }

    public async Task InstallAsync(IPage page)
    {
        await page.RouteAsync("**/api/map/**", async route =>
        {
            var name = new Uri(route.Request.Url).AbsolutePath["/api/map/".Length..];
            lock (_requested) _requested.Add(name);
            // The sample roads come as one band for every zoom, every class, no tiles.
            if (name == "roads/bands")
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = SampleRoadBands });
                return;
            }
            if (name.StartsWith("roads/bands/", StringComparison.Ordinal)) name = "roads";
            var file = Path.Combine(FixturesDirectory(), name + ".json");
            if (!File.Exists(file))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
                return;
            }
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "application/json",
                Body = await File.ReadAllTextAsync(file),
            });
        });
        await page.RouteAsync("**/api/auth/me", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = File.ReadAllText(Path.Combine(FixturesDirectory(), "me.json")),
        }));
    }
}
