using FireCommand.Core.Map.Province;
using FireCommand.Web.Cli;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Map;

/// <summary>
/// The platform started on SQLite on a province package that <c>province build</c> makes from one of the
/// shared OSM extracts (skipped with its reason when the extract is missing), with demo users on.
/// </summary>
public abstract class PackageHost : DatabaseHost
{
    public override string ProviderName => "Sqlite";

    public ProvincePackage? Package { get; private set; }

    /// <summary>The extract, relative to the shared data folder (<c>osm/…</c>).</summary>
    public abstract string Extract { get; }

    public string ExtractPath => Path.Combine(FireCommand.Tests.SharedDataFiles.Root, Extract);

    /// <summary>Build arguments after <c>--osm</c> and <c>--out</c>; may write the files they name under <paramref name="directory"/>.</summary>
    protected virtual Task<IReadOnlyList<string>> BuildArgumentsAsync(string directory) => Task.FromResult<IReadOnlyList<string>>([]);

    protected override async Task<Dictionary<string, string?>?> PrepareAsync()
    {
        if (!File.Exists(ExtractPath))
        {
            SkipReason = $"needs shared data file '{Extract}', missing from {FireCommand.Tests.SharedDataFiles.Root}";
            return null;
        }
        Directory.CreateDirectory(DataDirectory);
        var packageDir = Path.Combine(DataDirectory, "package");
        var err = new StringWriter();
        var exit = await CliVerbs.RunAsync(["province", "build", "--osm", ExtractPath, "--out", packageDir,
            .. await BuildArgumentsAsync(DataDirectory)], TextWriter.Null, err, CancellationToken.None);
        if (exit != 0) throw new InvalidOperationException($"province build exited {exit}: {err}");
        Package = ProvincePackage.Read(packageDir);
        var s = PlatformFactory.Defaults(DataDirectory);
        s["Database:Provider"] = "Sqlite";
        s["Province:Path"] = packageDir;
        return s;
    }
}
