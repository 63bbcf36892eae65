namespace FireCommand.Tests;

/// <summary>
/// Tests that need the read-only golden data or a service skip with the reason when it is missing,
/// and fail instead when FIRECOMMAND_REQUIRE_ALL=1 (CI sets it), so a green run never hides a skip.
/// The data is ../shared/data beside the repository, or the folder FIRECOMMAND_SHARED_DATA names
/// (pointing it at an empty folder shows what a machine without the data would run).
/// </summary>
internal static class SharedDataFiles
{
    public const string RootVariable = "FIRECOMMAND_SHARED_DATA";

    public static bool RequireAll => Environment.GetEnvironmentVariable("FIRECOMMAND_REQUIRE_ALL") == "1";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Root =>
        Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root
            ? Path.GetFullPath(root)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>The full path of a golden data file, or a skip naming the missing file.</summary>
    public static string Require(string relative)
    {
        var path = Path.Combine(Root, relative);
        if (File.Exists(path)) return path;
        var where = Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 }
            ? $"{RootVariable}={Root}"
            : "../shared/data beside the repository";
        SkipOrFail($"needs shared data file '{relative}', missing from {where}");
        return path;
    }

    public static void SkipOrFail(string reason)
    {
        if (RequireAll) Assert.Fail($"{reason} (FIRECOMMAND_REQUIRE_ALL=1 forbids skipping)");
        Assert.Skip(reason);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FireCommand.slnx"))) return dir.FullName;
        throw new InvalidOperationException("FireCommand.slnx not found above the test binaries.");
    }
}
