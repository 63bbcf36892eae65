namespace FireCommand.Core.Security;

/// <summary>The platform's roles. Permissions are granted per capability, never per user.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Commander = nameof(Commander);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Inspector = nameof(Inspector);
    public const string StationOfficer = nameof(StationOfficer);
    public const string Viewer = nameof(Viewer);

    public static IReadOnlyList<string> All { get; } =
        [Admin, Commander, Dispatcher, Inspector, StationOfficer, Viewer];
}
