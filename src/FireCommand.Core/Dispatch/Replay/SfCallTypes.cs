using FireCommand.Core.Analytics;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>How one SF call type reads in our terms. Immutable.</summary>
/// <param name="Type">Our incident type (警情类型).</param>
/// <param name="Subtype">An <see cref="IncidentSubtypes"/> code, or null.</param>
/// <param name="Class">Which NFPA 1710 turnout figure applies.</param>
/// <param name="Known">False when the call type is not in the table and the group decided.</param>
public sealed record SfCallTypeMapping(IncidentType Type, string? Subtype, ResponseClass Class, bool Known);

/// <summary>
/// Maps the San Francisco Fire Department's <c>Call Type</c> (and, for types we do not know, its
/// <c>Call Type Group</c>) to our incident types, and its <c>Unit Type</c> to our apparatus.
/// </summary>
/// <remarks>
/// <para>Medical calls become 社会救助 (social assistance), not a type of their own: in China
/// emergency medicine is the 120 service's, and a fire-rescue team sent to a medical call is helping
/// another agency. They keep <see cref="ResponseClass.Ems"/> so turnout is judged at 60 s.</para>
/// <para>Automatic fire alarms ("Alarms") are 火灾扑救 with the <see cref="IncidentSubtypes.AutomaticAlarm"/>
/// subtype: they are dispatched as fires until someone on scene says otherwise. The final disposition
/// ("No Merit") is not used: the replay judges what the call-taker knew, not how the call ended, so
/// nothing maps to 虚假警 at intake. Gas leaks and fuel spills are hazmat rescue; odour and electrical
/// hazards are rescue without a subtype; citizen assists and police assists are social assistance
/// (安保勤务 is planned duty at events, which the log has none of).</para>
/// <para>Ambulances (MEDIC, PRIVATE), EMS supervisors (RESCUE CAPTAIN) and investigators have no
/// apparatus type here: our fleet has no ambulances. Pure and thread-safe.</para>
/// </remarks>
public static class SfCallTypes
{
    private static readonly Dictionary<string, SfCallTypeMapping> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Structure Fire"] = Fire(),
        ["Outside Fire"] = Fire(),
        ["Vehicle Fire"] = Fire(),
        ["Marine Fire"] = Fire(),
        ["Train / Rail Fire"] = Fire(),
        ["Explosion"] = Fire(),
        ["Smoke Investigation (Outside)"] = Fire(),
        ["Lightning Strike (Investigation)"] = Fire(),
        ["Alarms"] = Fire(IncidentSubtypes.AutomaticAlarm),
        ["Medical Incident"] = new(IncidentType.SocialAssistance, null, ResponseClass.Ems, true),
        ["Traffic Collision"] = Rescue(IncidentSubtypes.Traffic),
        ["Extrication / Entrapped (Machinery, Vehicle)"] = Rescue(IncidentSubtypes.Traffic),
        ["Water Rescue"] = Rescue(IncidentSubtypes.WaterRescue),
        ["Watercraft in Distress"] = Rescue(IncidentSubtypes.WaterRescue),
        ["Elevator / Escalator Rescue"] = Rescue(IncidentSubtypes.Lift),
        ["Gas Leak (Natural and LP Gases)"] = Rescue(IncidentSubtypes.HazmatLeak),
        ["Fuel Spill"] = Rescue(IncidentSubtypes.HazmatLeak),
        ["Oil Spill"] = Rescue(IncidentSubtypes.HazmatLeak),
        ["HazMat"] = Rescue(IncidentSubtypes.HazmatLeak),
        ["Confined Space / Structure Collapse"] = Rescue(IncidentSubtypes.Collapse),
        ["Electrical Hazard"] = Rescue(),
        ["Odor (Strange / Unknown)"] = Rescue(),
        ["High Angle Rescue"] = Rescue(),
        ["Industrial Accidents"] = Rescue(),
        ["Train / Rail Incident"] = Rescue(),
        ["Aircraft Emergency"] = Rescue(),
        ["Citizen Assist / Service Call"] = Assist(),
        ["Assist Police"] = Assist(),
        ["Mutual Aid / Assist Outside Agency"] = Assist(),
        ["Suspicious Package"] = Assist(),
        ["Administrative"] = Assist(),
    };

    private static readonly Dictionary<string, (ApparatusType? Apparatus, bool IsEngine)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ENGINE"] = (ApparatusType.MainPumper, true),
        ["TRUCK"] = (ApparatusType.Ladder, false),
        ["RESCUE SQUAD"] = (ApparatusType.Rescue, false),
        ["CHIEF"] = (ApparatusType.Command, false),
        ["SUPPORT"] = (ApparatusType.Equipment, false),
    };

    /// <summary>Our reading of a call type; unknown types fall back on the group ("Fire" → fire, the two
    /// medical priority groups → social assistance as EMS, anything else → social assistance).</summary>
    public static SfCallTypeMapping Map(string callType, string? callTypeGroup)
    {
        if (Table.TryGetValue(callType.Trim(), out var known)) return known;
        return callTypeGroup?.Trim() switch
        {
            "Fire" => Fire() with { Known = false },
            "Potentially Life-Threatening" or "Non Life-threatening" =>
                new(IncidentType.SocialAssistance, null, ResponseClass.Ems, false),
            _ => Assist() with { Known = false },
        };
    }

    /// <summary>Our apparatus type for an SF unit type (null where we have none), and whether it is an
    /// engine company, which the first-engine travel figure follows.</summary>
    public static (ApparatusType? Apparatus, bool IsEngine) MapUnit(string unitType) =>
        Units.TryGetValue(unitType.Trim(), out var unit) ? unit : (null, false);

    private static SfCallTypeMapping Fire(string? subtype = null) => new(IncidentType.Fire, subtype, ResponseClass.Fire, true);
    private static SfCallTypeMapping Rescue(string? subtype = null) => new(IncidentType.Rescue, subtype, ResponseClass.Fire, true);
    private static SfCallTypeMapping Assist() => new(IncidentType.SocialAssistance, null, ResponseClass.Fire, true);
}
