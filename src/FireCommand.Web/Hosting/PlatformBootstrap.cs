using System.Security.Cryptography;
using FireCommand.Core.Data;
using FireCommand.Core.Map.Province;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using FireCommand.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Hosting;

/// <summary>
/// First-start work, idempotent on every start: migrate, seed the demo province into an empty
/// database (demo mode), load the jurisdiction tree, and make sure the roles, the first admin and
/// (demo mode only) the demo users exist.
/// </summary>
public static partial class PlatformBootstrap
{
    public static async Task InitialisePlatformAsync(this WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<FireCommandDbContext>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("FireCommand.Bootstrap");
        var dbOptions = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        var clock = sp.GetRequiredService<TimeProvider>();

        if (dbOptions.MigrateOnStart) await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        // A province package replaces the generated demo province; it is read before anything is written
        // so a bad package stops the start with its reason.
        var package = app.Configuration[ProvinceStart.PathKey] is { Length: > 0 } path ? ProvincePackage.Read(path) : null;
        if (package is not null && !await db.Jurisdictions.IgnoreQueryFilters().AnyAsync(ct))
        {
            var p = await ProvinceSeeder.SeedAsync(db, package, clock.GetUtcNow(), ct, demo.Enabled ? demo.HistoryDays : 0, demo.Seed,
                sp.GetRequiredService<Core.Shared.CorpsCalendar>());
            ProvinceStart.LogSeeded(log, p.ProvinceName, p.Jurisdictions, p.Stations, p.Units, p.WaterSources, p.RoadSegments,
                p.HistoryIncidents);
        }
        else if (package is not null && await ProvinceReimport.RunAsync(db, package, clock.GetUtcNow(), ct) is { } re)
            ProvinceStart.LogReimported(log, re.ProvinceName, re.Stations.Added, re.Stations.Updated, re.Stations.Retired,
                re.WaterSources.Added, re.WaterSources.Updated, re.WaterSources.Retired, re.KeyPlaces.Added, re.KeyPlaces.Updated,
                re.KeyPlaces.Retired);
        else if (package is null && demo.Enabled && !await db.Jurisdictions.IgnoreQueryFilters().AnyAsync(ct))
        {
            var started = clock.GetTimestamp();
            var s = await DemoSeeder.SeedAsync(db, demo.Seed, clock.GetUtcNow(), ct, sp.GetRequiredService<Core.Shared.CorpsCalendar>(),
                demo.HistoryDays);
            LogSeeded(log, s.ProvinceName, demo.Seed, s.Stations, s.Units, s.WaterSources, s.KeyPlaces, s.RoadSegments,
                clock.GetElapsedTime(started).TotalSeconds);
        }
        var root = await EnsureRootJurisdictionAsync(db, ct);
        sp.GetRequiredService<JurisdictionDirectory>().Load(await db.Jurisdictions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct));
        await sp.GetRequiredService<Map.ProvinceGeography>().LoadAsync(db, ct, package?.GraphPath);
        sp.GetRequiredService<Map.PackageNames>().Load(package?.Records.Names ?? []);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        await EnsureAdminAsync(users, sp.GetRequiredService<IOptions<SecurityOptions>>().Value, root, log,
            sp.GetRequiredService<IOneTimePasswordSink>(), sp.GetRequiredService<OneTimePasswordFile>());
        if (demo.Enabled) await DemoUsers.EnsureAsync(users, db, demo.UserPassword, ct);
        if (demo.Enabled) await Linkage.DemoPartners.EnsureAsync(db, clock.GetUtcNow(), ct);
    }

    private static async Task<Jurisdiction> EnsureRootJurisdictionAsync(FireCommandDbContext db, CancellationToken ct)
    {
        var root = await db.Jurisdictions.IgnoreQueryFilters().FirstOrDefaultAsync(j => j.ParentId == null, ct);
        if (root is not null) return root;
        // A production database starts empty: the corps node is created so the first admin has a home.
        root = new Jurisdiction { Name = "消防救援总队", Code = "000000", Level = JurisdictionLevel.Corps };
        db.Jurisdictions.Add(root);
        await db.SaveChangesAsync(ct);
        return root;
    }

    private static async Task EnsureAdminAsync(UserManager<AppUser> users, SecurityOptions options, Jurisdiction root, ILogger log,
        IOneTimePasswordSink sink, OneTimePasswordFile file)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var generated = string.IsNullOrEmpty(options.AdminPassword);
        var password = generated ? OneTimePassword() : options.AdminPassword!;
        var admin = new AppUser
        {
            UserName = options.AdminUserName, DisplayName = "系统管理员", JurisdictionId = root.Id,
            MustChangePassword = generated,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Cannot create the first admin: " +
                                                string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        LogAdminCreated(log, options.AdminUserName);
        // Shown once, to the console (never to log files), and kept in a file only the service user reads.
        if (!generated) return;
        file.Write(options.AdminUserName, password);
        sink.Show(options.AdminUserName, password);
    }

    private static string OneTimePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        // Identity's default rules want a digit; redraw the rare draw without one.
        string password;
        do password = "Fc-" + RandomNumberGenerator.GetString(alphabet, 16);
        while (!password.Any(char.IsAsciiDigit));
        return password;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Seeded demo province {Province} (seed {Seed}): {Stations} stations, {Units} units, {WaterSources} water sources, {KeyPlaces} key places, {Roads} road segments in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, string province, int seed, int stations, int units,
        int waterSources, int keyPlaces, int roads, double seconds);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "First admin {UserName} created")]
    private static partial void LogAdminCreated(ILogger logger, string userName);
}
