namespace FireCommand.Core.Resources;

/// <summary>
/// Unit status with the GA/T 974.39 codes as enum values (10 备勤 … 30 训练). The standard's list
/// has no codes for out-of-service states; 40 and 41 are this platform's own.
/// </summary>
public enum UnitStatus
{
    /// <summary>10 备勤</summary>
    Available = 10,
    /// <summary>20 出动</summary>
    Dispatched = 20,
    /// <summary>21 途中</summary>
    EnRoute = 21,
    /// <summary>22 到场</summary>
    OnScene = 22,
    /// <summary>23 出水</summary>
    WaterOn = 23,
    /// <summary>24 停水</summary>
    WaterOff = 24,
    /// <summary>25 返队</summary>
    Returning = 25,
    /// <summary>26 驻防 (standby at another station)</summary>
    Standby = 26,
    /// <summary>27 运水</summary>
    WaterShuttle = 27,
    /// <summary>30 训练</summary>
    Training = 30,
    /// <summary>40 维修 (platform code)</summary>
    UnderRepair = 40,
    /// <summary>41 停用 (platform code)</summary>
    Decommissioned = 41,
}

/// <summary>GA/T 974.39 code lookups and the legal status transitions.</summary>
public static class UnitStatusCodes
{
    /// <summary>The two-digit code carried on the wire and shown to dispatchers.</summary>
    public static int Code(this UnitStatus status) => (int)status;

    /// <summary>Parses a GA/T 974.39 code; unknown codes are rejected, never mapped to a default.</summary>
    public static bool TryFromCode(int code, out UnitStatus status)
    {
        status = (UnitStatus)code;
        return Enum.IsDefined(status);
    }

    /// <summary>Statuses in which a unit is committed to an incident.</summary>
    public static bool IsOnIncident(this UnitStatus s) => s is UnitStatus.Dispatched or UnitStatus.EnRoute
        or UnitStatus.OnScene or UnitStatus.WaterOn or UnitStatus.WaterOff or UnitStatus.WaterShuttle;

    /// <summary>Statuses from which a unit may be sent to a new incident.</summary>
    public static bool CanBeDispatched(this UnitStatus s) =>
        s is UnitStatus.Available or UnitStatus.Standby or UnitStatus.Returning or UnitStatus.Training;

    private static readonly Dictionary<UnitStatus, UnitStatus[]> Allowed = new()
    {
        [UnitStatus.Available] = [UnitStatus.Dispatched, UnitStatus.Standby, UnitStatus.Training, UnitStatus.UnderRepair, UnitStatus.Decommissioned],
        [UnitStatus.Dispatched] = [UnitStatus.EnRoute, UnitStatus.OnScene, UnitStatus.Returning, UnitStatus.Available],
        [UnitStatus.EnRoute] = [UnitStatus.OnScene, UnitStatus.Returning, UnitStatus.Available],
        [UnitStatus.OnScene] = [UnitStatus.WaterOn, UnitStatus.WaterShuttle, UnitStatus.Returning],
        [UnitStatus.WaterOn] = [UnitStatus.WaterOff],
        [UnitStatus.WaterOff] = [UnitStatus.WaterOn, UnitStatus.WaterShuttle, UnitStatus.Returning],
        [UnitStatus.WaterShuttle] = [UnitStatus.OnScene, UnitStatus.Returning],
        [UnitStatus.Returning] = [UnitStatus.Available, UnitStatus.Dispatched, UnitStatus.Standby],
        [UnitStatus.Standby] = [UnitStatus.Dispatched, UnitStatus.Returning, UnitStatus.Available],
        [UnitStatus.Training] = [UnitStatus.Available, UnitStatus.Dispatched],
        [UnitStatus.UnderRepair] = [UnitStatus.Available, UnitStatus.Decommissioned],
        [UnitStatus.Decommissioned] = [UnitStatus.UnderRepair],
    };

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is a legal move.</summary>
    public static bool CanChange(UnitStatus from, UnitStatus to) =>
        Allowed.TryGetValue(from, out var next) && Array.IndexOf(next, to) >= 0;

    /// <summary>The statuses reachable from <paramref name="from"/> in one move.</summary>
    public static IReadOnlyList<UnitStatus> NextStatuses(UnitStatus from) =>
        Allowed.TryGetValue(from, out var next) ? next : [];
}
