namespace FireCommand.Web.Hosting;

/// <summary>
/// Where the program finds its settings, web UI and data. The content root (appsettings.json,
/// wwwroot) is the program's own folder, wherever it is started from, unless configured with
/// <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>; a relative value there means relative to
/// the working directory, as on any command line. <c>dotnet run</c> sets it to the project folder
/// through the launch profile, so data and settings stay where they always were while developing.
/// Relative data paths resolve against the content root.
/// </summary>
public static class PlatformPaths
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Path.GetFullPath(ConfiguredContentRoot(args) ?? AppContext.BaseDirectory),
    };

    /// <summary>The data directory (SQLite file, keys, one-time password file) as a full path.</summary>
    public static string DataDirectory(WebApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Database:DataDirectory"] ?? "data"));

    private static string? ConfiguredContentRoot(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i].TrimStart('-', '/');
            if (a.StartsWith("contentRoot=", StringComparison.OrdinalIgnoreCase)) return a["contentRoot=".Length..];
            if (a.Equals("contentRoot", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length) return args[i + 1];
        }
        return NonEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
               ?? NonEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
