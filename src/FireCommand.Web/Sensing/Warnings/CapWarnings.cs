using System.Globalization;
using FireCommand.Core.Resources;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Core.Sensing.Cap;
using FireCommand.Core.Sensing.Rules;
using FireCommand.Core.Shared;

namespace FireCommand.Web.Sensing.Warnings;

/// <summary>
/// A sensing alarm as a CAP 1.2 alert, in Chinese and English. The identifier is the alarm's; a change
/// after the first report (a repeat, a confirmation) gives the alert a new identifier with the change's
/// time and an Update that references the first, as CAP asks of a follow-up. Times are the corps'
/// local time. A pending fire is Possible, a confirmed one Observed; the area is the key place's
/// point as a circle. Pure and thread-safe.
/// </summary>
public static class CapWarnings
{
    /// <summary>The circle drawn around a place's point: a building and its grounds.</summary>
    public const double PlaceRadiusKilometers = 0.2;

    private static readonly Dictionary<string, (string Zh, string En)> TypeNames = new(StringComparer.Ordinal)
    {
        [SensingAlarm.FireType] = ("火警", "Fire alarm"),
        ["fault"] = ("设备故障", "Device fault"),
        ["mains_fault"] = ("主电故障", "Mains power fault"),
        ["battery_fault"] = ("备电故障", "Backup battery fault"),
        ["shielded"] = ("点位屏蔽", "Point shielded"),
        ["offline"] = ("设备离线", "Device offline"),
        ["supervisory"] = ("监管报警", "Supervisory alarm"),
        ["low_pressure"] = ("管网水压低", "Low pipe pressure"),
        ["over_pressure"] = ("管网水压高", "High pipe pressure"),
        ["low_level"] = ("水箱（池）水位低", "Low tank level"),
        ["residual_current"] = ("剩余电流超限", "Residual current over limit"),
        ["over_temperature"] = ("温度超限", "Temperature over limit"),
        ["temperature_rise"] = ("温度快速上升", "Rapid temperature rise"),
        ["after_hours_heat"] = ("非工作时间温度异常", "Heat after hours"),
        ["gas_low"] = ("可燃气体低限报警", "Combustible gas, low alarm"),
        ["gas_high"] = ("可燃气体高限报警", "Combustible gas, high alarm"),
    };

    public sealed record Context(string Sender, bool Exercise, CorpsCalendar Calendar);

    public static string IdentifierOf(long alarmId) => "sensing-alarm-" + alarmId.ToString(CultureInfo.InvariantCulture);

    /// <summary>When the alarm last changed in a way a reader should hear of.</summary>
    public static DateTimeOffset UpdatedAt(SensingAlarm a) =>
        a.ConfirmedAt is { } confirmed && confirmed > a.LastAt ? confirmed : a.LastAt;

    public static CapAlert ToCap(SensingAlarm alarm, KeyPlace place, Context context)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(place);
        var created = context.Calendar.Local(alarm.CreatedAt);
        var updated = context.Calendar.Local(UpdatedAt(alarm));
        // CAP times have whole seconds; a change within the first second is still the first report.
        var isUpdate = Math.Floor((updated - created).TotalSeconds) >= 1;
        var identifier = IdentifierOf(alarm.Id);
        return new CapAlert(
            isUpdate ? identifier + "-" + updated.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : identifier,
            context.Sender,
            isUpdate ? updated : created,
            context.Exercise ? CapStatus.Exercise : CapStatus.Actual,
            isUpdate ? CapMessageType.Update : CapMessageType.Alert,
            CapScope.Restricted,
            isUpdate ? [new CapReference(context.Sender, identifier, created)] : [],
            alarm.IncidentId is { } incident ? "incident-" + incident.ToString(CultureInfo.InvariantCulture) : null,
            [Info(alarm, place, chinese: true), Info(alarm, place, chinese: false)]);
    }

    private static CapInfo Info(SensingAlarm a, KeyPlace place, bool chinese)
    {
        var (zh, en) = TypeNames.GetValueOrDefault(a.Type, (a.Type, a.Type));
        var type = chinese ? zh : en;
        var pending = a.IsFire && a.State == SensingAlarmState.PendingVerification;
        var stateNote = !a.IsFire ? null
            : pending ? (chinese ? "待核实" : "unverified")
            : a.State == SensingAlarmState.Confirmed ? (chinese ? "已确认" : "confirmed") : null;
        var where = string.Join(chinese ? " " : ", ", new[] { a.Building, a.Floor, a.Zone }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var headline = chinese
            ? $"{place.Name}{type}{(stateNote is null ? "" : "（" + stateNote + "）")}"
            : $"{type}{(stateNote is null ? "" : " (" + stateNote + ")")} at {place.Name}";
        var description = chinese
            ? $"{place.Name}{(where.Length > 0 ? " " + where : "")}：{type}，设备 {a.DeviceKey}，报告 {a.Count} 次。"
            : $"{type} at {place.Name}{(where.Length > 0 ? ", " + where : "")}: device {a.DeviceKey}, reported {a.Count} times.";
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("device", a.DeviceKey),
            new("alarmType", a.Type),
            new("alarmState", a.State.ToString()),
        };
        if (a.Component.Length > 0) parameters.Add(new("component", a.Component));
        if (!string.IsNullOrWhiteSpace(a.Building)) parameters.Add(new("building", a.Building));
        if (!string.IsNullOrWhiteSpace(a.Floor)) parameters.Add(new("floor", a.Floor));
        if (!string.IsNullOrWhiteSpace(a.Zone)) parameters.Add(new("zone", a.Zone));
        parameters.Add(new("keyPlaceId", place.Id.ToString(CultureInfo.InvariantCulture)));
        var area = new CapArea(
            string.IsNullOrWhiteSpace(place.Address) ? place.Name : place.Name + (chinese ? "，" : ", ") + place.Address,
            [], [new CapCircle(place.Location.Y, place.Location.X, PlaceRadiusKilometers)]);
        return new CapInfo(
            chinese ? "zh-CN" : "en",
            type,
            a.IsFire ? CapUrgency.Immediate : CapUrgency.Expected,
            a.IsFire ? (a.State == SensingAlarmState.Confirmed ? CapSeverity.Extreme : CapSeverity.Severe)
                : a.Severity == AlarmSeverity.Critical ? CapSeverity.Severe : CapSeverity.Moderate,
            pending ? CapCertainty.Possible : CapCertainty.Observed,
            headline,
            description,
            null,
            chinese ? "消防远程监控中心" : "Fire remote monitoring centre",
            null,
            null,
            parameters,
            [area]);
    }
}
