using System.ComponentModel.DataAnnotations;
using System.Text;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Cap;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Core.Shared;
using FireCommand.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Warnings;

/// <summary>Configuration of the CAP export (keys under "Sensing").</summary>
public sealed class CapExportOptions
{
    /// <summary>CAP's sender: who issues the warnings, unique to this platform, without spaces or commas (CAP 1.2 §3.2.1).</summary>
    [Required, RegularExpression(@"^[^\s,<&]+$", ErrorMessage = "Sensing:CapSender may not hold spaces, commas, '<' or '&'.")]
    public string CapSender { get; set; } = "firecommand@119.local";
}

/// <summary>
/// Current warnings for other systems: an Atom feed of them (application/atom+xml) and each one as a CAP
/// 1.2 document (application/cap+xml). A warning is an open fire alarm, pending or confirmed, or any
/// other open alarm of the highest severity. Both read within the caller's jurisdiction: an alarm the
/// caller cannot see is a 404. In demo mode every alert says Exercise, so nobody acts on a simulated fire.
/// </summary>
public static class WarningEndpoints
{
    public const int MaxEntries = 500;

    public static WebApplicationBuilder AddSensingWarnings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CapExportOptions>().BindConfiguration("Sensing").ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static RouteGroupBuilder MapSensingWarnings(this RouteGroupBuilder api)
    {
        api.MapGet("/sensing/warnings.atom", Feed).WithTags("Sensing");
        api.MapGet("/sensing/warnings/{alarmId:long}.cap", Cap).WithTags("Sensing");
        return api;
    }

    private sealed record Ctx(FireCommandDbContext Db, CapWarnings.Context Cap, TimeProvider Clock);

    private static Ctx ContextOf(HttpContext http)
    {
        var sp = http.RequestServices;
        return new Ctx(sp.GetRequiredService<FireCommandDbContext>(),
            new CapWarnings.Context(sp.GetRequiredService<IOptions<CapExportOptions>>().Value.CapSender,
                sp.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled, sp.GetRequiredService<CorpsCalendar>()),
            sp.GetRequiredService<TimeProvider>());
    }

    private static async Task<IResult> Feed(HttpContext http, CancellationToken ct)
    {
        var c = ContextOf(http);
        var alarms = await c.Db.SensingAlarms.AsNoTracking()
            .Where(a => a.ClosedAt == null && ((a.Type == SensingAlarm.FireType &&
                (a.State == SensingAlarmState.PendingVerification || a.State == SensingAlarmState.Confirmed))
                || a.Severity == AlarmSeverity.Critical))
            .OrderByDescending(a => a.Id).Take(MaxEntries).ToListAsync(ct);
        var placeIds = alarms.Select(a => a.KeyPlaceId).Distinct().ToList();
        var places = await c.Db.KeyPlaces.AsNoTracking().Where(k => placeIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        var baseUri = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/sensing/warnings/");
        var entries = alarms.Where(a => places.ContainsKey(a.KeyPlaceId))
            .Select(a => new CapFeedEntry(CapWarnings.ToCap(a, places[a.KeyPlaceId], c.Cap), new Uri(baseUri, $"{a.Id}.cap")))
            .ToList();
        var now = c.Cap.Calendar.Local(c.Clock.GetUtcNow());
        var xml = CapAtomFeed.ToXml("urn:firecommand:warnings:" + c.Cap.Sender, "FireCommand 预警 / warnings",
            new Uri(baseUri, "../warnings.atom"), now, entries);
        return TypedResults.Text(xml, CapAtomFeed.MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Cap(long alarmId, HttpContext http, CancellationToken ct)
    {
        var c = ContextOf(http);
        if (await c.Db.SensingAlarms.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alarmId, ct) is not { } alarm)
            return TypedResults.NotFound();
        if (await c.Db.KeyPlaces.AsNoTracking().FirstOrDefaultAsync(k => k.Id == alarm.KeyPlaceId, ct) is not { } place)
            return TypedResults.NotFound();
        return TypedResults.Text(CapWriter.ToXml(CapWarnings.ToCap(alarm, place, c.Cap)), CapWriter.MediaType + "; charset=utf-8", Encoding.UTF8);
    }
}
