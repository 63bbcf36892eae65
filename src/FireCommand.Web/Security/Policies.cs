using FireCommand.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace FireCommand.Web.Security;

/// <summary>Authorization policies, one per kind of action; roles are granted here and nowhere else.</summary>
public static class Policies
{
    public const string EditResources = nameof(EditResources);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ReadAudit = nameof(ReadAudit);
    public const string Dispatch = nameof(Dispatch);
    public const string EditPlans = nameof(EditPlans);
    public const string ChangeUnitStatus = nameof(ChangeUnitStatus);

    public static void Configure(AuthorizationBuilder auth)
    {
        // Every endpoint requires a signed-in user unless it says otherwise (only /health and login).
        auth.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        auth.AddPolicy(EditResources, p => p.RequireRole(Roles.Admin, Roles.Commander, Roles.StationOfficer));
        auth.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Admin));
        auth.AddPolicy(ReadAudit, p => p.RequireRole(Roles.Admin, Roles.Commander));
        auth.AddPolicy(ChangeUnitStatus, p => p.RequireRole(Roles.Admin, Roles.Commander, Roles.Dispatcher, Roles.StationOfficer));
        auth.AddPolicy(EditPlans, p => p.RequireRole(Roles.Admin, Roles.Commander));
        auth.AddPolicy(Dispatch, p => p.RequireRole(Roles.Admin, Roles.Commander, Roles.Dispatcher));
    }
}
