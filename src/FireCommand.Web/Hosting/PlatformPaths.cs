namespace FireCommand.Web.Hosting;

/// <summary>
/// Where the program finds its settings, web UI and data. The content root (appsettings.json,
/// wwwroot) is the program's own folder, wherever it is started from, unless configured with
/// <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> (which <c>dotnet run</c> does, through the
/// launch profile, so the project folder stays the content root while developing). Relative data
/// paths resolve against the content root.
/// </summary>
public static class PlatformPaths
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsContentRootConfigured(args) ? null : AppContext.BaseDirectory,
    };

    /// <summary>The data directory (SQLite file, keys, one-time password file) as a full path.</summary>
    public static string DataDirectory(WebApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Database:DataDirectory"] ?? "data"));

    private static bool IsContentRootConfigured(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")) ||
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) ||
                      a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase));
}
