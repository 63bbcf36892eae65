using FireCommand.Core.Sensing.Devices;

namespace FireCommand.Core.Sensing.Alarms;

/// <summary>A report that may confirm a fire: where it came from and what it was.</summary>
public sealed record FireSignal(long DeviceId, string Component, string Type, DevicePointKind? PointKind, long KeyPlaceId,
    string? Zone);

/// <summary>
/// Decides whether a report confirms a fire. Pure. A fire from a manual call point (a person pressed
/// it) or from the controller itself confirms at once. A pending fire is confirmed by a second,
/// independent detector in the same zone of the same place, a manual call point or water flow in that
/// zone, or a fire pump starting anywhere in the place (a pump serves the whole building).
/// </summary>
public static class Corroboration
{
    /// <summary>Why a new fire report is real on its own, or null when it needs verification.</summary>
    public static string? ConfirmsItself(FireSignal s) =>
        s.Type == "manual_call_point" || s.PointKind is DevicePointKind.ManualCallPoint ? "manual_call_point"
        : s.PointKind is DevicePointKind.Controller || s.Component.Length == 0 ? "controller"
        : null;

    /// <summary>Why <paramref name="signal"/> confirms the pending <paramref name="pending"/> fire, or null when it does not.</summary>
    public static string? Confirms(FireSignal signal, SensingAlarm pending)
    {
        if (pending.State is not SensingAlarmState.PendingVerification || pending.KeyPlaceId != signal.KeyPlaceId) return null;
        if (signal.Type == "pump_start") return "pump_start";
        if (!SameZone(signal.Zone, pending.Zone)) return null;
        return signal.Type switch
        {
            "water_flow" => "water_flow",
            "manual_call_point" => "manual_call_point",
            "fire" when signal.DeviceId != pending.DeviceId || signal.Component != pending.Component =>
                ConfirmsItself(signal) ?? "second_detector",
            _ => null,
        };
    }

    // A zone is known on both sides and the same; two reports of unknown zones prove nothing together.
    private static bool SameZone(string? a, string? b) => a is not null && b is not null &&
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
