namespace FireCommand.Geo.Tests.Support;

/// <summary>
/// Finds the read-only golden data beside the repository (../shared/data from the folder holding
/// FireCommand.slnx). A missing file skips the test with the reason, unless FIRECOMMAND_REQUIRE_ALL=1
/// (CI), where it fails: a green CI must not hide missing data.
/// </summary>
internal static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Require(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", relative));
        if (File.Exists(path)) return path;
        var reason = $"shared data file '{relative}' is missing (looked for ../shared/data/{relative} beside the repository)";
        if (Environment.GetEnvironmentVariable("FIRECOMMAND_REQUIRE_ALL") == "1")
            Assert.Fail(reason + " and FIRECOMMAND_REQUIRE_ALL=1");
        Assert.Skip(reason);
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FireCommand.slnx"))) return dir.FullName;
        throw new InvalidOperationException("FireCommand.slnx not found above the test binaries.");
    }
}
