using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Dispatch.Simulation;
using FireCommand.Core.Security;
using FireCommand.Core.Shared;
using FireCommand.Geo.Coordinates;
using FireCommand.Web.Map;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Dispatch.Simulation;

/// <summary>The simulated call-taker and dispatcher: takes the call, then sends what the recommendation proposes.</summary>
internal static class SimulatedDispatcher
{
    public static async Task HandleCallAsync(IServiceProvider sp, SimulatedCall call, CancellationToken ct)
    {
        var db = sp.GetRequiredService<FireCommandDbContext>();
        var geography = sp.GetRequiredService<ProvinceGeography>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var notifier = sp.GetRequiredService<ConsoleNotifier>();
        var actor = sp.GetRequiredService<IAuditActor>();
        var request = new TakeAlarm.AlarmRequest(Core.Dispatch.AlarmSource.Call119, call.CallerNumber, null,
            call.Location.Latitude, call.Location.Longitude, CoordinateSystem.Wgs84, call.Address, call.Type, call.Subtype,
            call.Description, call.Trapped, 0, null, null, null, null);
        var taken = await TakeAlarm.Handle(request, db, geography, sp.GetRequiredService<IJurisdictionScope>(), actor, clock, notifier,
            sp.GetRequiredService<CorpsCalendar>(), ct);
        if (taken.Result is not Created<TakeAlarm.AlarmTaken> { Value: { } alarm } || geography.Current.Routing is null) return;

        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == alarm.Incident.Id, ct);
        var advice = await Recommend.ForAsync(db, geography, incident, sp.GetRequiredService<IOptions<DispatchOptions>>().Value, ct);
        if (advice.Recommendation.Units.Count == 0) return;
        await DispatchUnits.Handle(incident.Id,
            new DispatchUnits.DispatchRequest([.. advice.Recommendation.Units.Select(u =>
                new DispatchUnits.UnitOrder(u.UnitId, u.Slot.Chinese, (int)Math.Round(u.EtaSeconds)))]),
            db, sp.GetRequiredService<JurisdictionDirectory>(), actor, clock, notifier, ct);
    }
}
