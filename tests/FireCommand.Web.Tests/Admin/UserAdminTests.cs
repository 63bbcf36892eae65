using System.Net;
using FireCommand.Web.Tests.Infrastructure;

namespace FireCommand.Web.Tests.Admin;

/// <summary>Accounts: an admin creates users bound to a jurisdiction; users change their own password.</summary>
public abstract class UserAdminTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    [Fact]
    public async Task Admin_CreatesUser_WhoLogsInAndChangesPassword()
    {
        using var admin = await Admin();
        var detachment = (await admin.GetJsonAsync("/api/jurisdictions")).AsArray()
            .First(j => j!["level"]!.GetValue<string>() == "Detachment")!["id"]!.GetValue<long>();
        var name = "duty" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsync("/api/admin/users", new
        {
            userName = name, displayName = "值班调度员", role = "Dispatcher", jurisdictionId = detachment, password = "First#Pass-2026",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var user = await Host.NewClient().SignedInAs(name, "First#Pass-2026");
        var me = await user.GetJsonAsync("/api/auth/me");
        Assert.Equal(detachment, me["jurisdiction"]!["id"]!.GetValue<long>());

        var wrong = await user.PostAsync("/api/auth/password", new { currentPassword = "nope-nope-nope", newPassword = "Second#Pass-2026" });
        var problem = await ApiClient.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["currentPassword"]);
        var changed = await user.PostAsync("/api/auth/password", new { currentPassword = "First#Pass-2026", newPassword = "Second#Pass-2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.NewClient().LoginAsync(name, "First#Pass-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.NewClient().LoginAsync(name, "Second#Pass-2026")).StatusCode);

        var audit = (await admin.GetJsonAsync("/api/audit?entity=AppUser&take=1000")).AsArray();
        Assert.Contains(audit, a => a!["changes"]!.GetValue<string>().Contains(name));
        Assert.DoesNotContain(audit, a => a!["changes"]!.GetValue<string>().Contains("PasswordHash"));
    }

    [Fact]
    public async Task CreateUser_WithBadFields_NamesThem_AndCreatesNobody()
    {
        using var admin = await Admin();
        var before = (await admin.GetJsonAsync("/api/admin/users")).AsArray().Count;
        var response = await admin.PostAsync("/api/admin/users", new { userName = "", role = "Pilot", jurisdictionId = 424242, password = "short" });
        var problem = await ApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("userName") && errors.ContainsKey("role") && errors.ContainsKey("jurisdictionId") && errors.ContainsKey("displayName"),
            problem.ToJsonString());
        var weak = await admin.PostAsync("/api/admin/users", new
        {
            userName = "weak" + Guid.NewGuid().ToString("N")[..6], displayName = "弱口令", role = "Viewer", jurisdictionId = 1, password = "short",
        });
        Assert.NotNull((await ApiClient.AssertProblemAsync(weak, HttpStatusCode.BadRequest))["errors"]!["password"]);
        Assert.Equal(before, (await admin.GetJsonAsync("/api/admin/users")).AsArray().Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteUserAdminTests(SqliteHost host) : UserAdminTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresUserAdminTests(PostgresHost host) : UserAdminTests<PostgresHost>(host);
