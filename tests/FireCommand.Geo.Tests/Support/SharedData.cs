namespace FireCommand.Geo.Tests.Support;

/// <summary>
/// The read-only golden data beside the repository (see <see cref="FireCommand.Tests.SharedDataFiles"/>):
/// a missing file skips the test with the reason, or fails it under FIRECOMMAND_REQUIRE_ALL=1.
/// </summary>
internal static class SharedData
{
    public static string Require(string relative) => FireCommand.Tests.SharedDataFiles.Require(relative);
}
