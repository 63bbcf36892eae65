using FireCommand.Core.Analytics;
using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Core.Dispatch.Replay;

/// <summary>One unit's row of a call log: the unit and its recorded times. Immutable.</summary>
/// <param name="UnitId">The log's unit id (call sign), e.g. "E32".</param>
/// <param name="UnitType">The log's unit type text, e.g. "ENGINE".</param>
/// <param name="Apparatus">Our apparatus type for it, or null (ambulances and the like, see <see cref="SfCallTypes"/>).</param>
/// <param name="IsEngine">An engine company (first-engine travel follows these).</param>
/// <param name="DispatchedAt">Dispatch order.</param>
/// <param name="EnRouteAt">En route ("Response DtTm"), or null.</param>
/// <param name="OnSceneAt">On scene, or null.</param>
/// <param name="AvailableAt">Available again, or null.</param>
/// <param name="LineNumber">The file line the row started on.</param>
public sealed record LoggedUnit(string UnitId, string UnitType, ApparatusType? Apparatus, bool IsEngine,
    DateTimeOffset DispatchedAt, DateTimeOffset? EnRouteAt, DateTimeOffset? OnSceneAt, DateTimeOffset? AvailableAt,
    long LineNumber);

/// <summary>
/// One call of a call log with every unit row that names its call number (rows of one call need not
/// be adjacent in the file). The call's own fields come from its first row. Immutable.
/// </summary>
/// <param name="CallNumber">The log's call number.</param>
/// <param name="CallType">The log's call type text.</param>
/// <param name="CallTypeGroup">The log's call type group, or null when empty.</param>
/// <param name="Mapping">Our incident type, subtype and response class for it.</param>
/// <param name="ReceivedAt">When the call was received.</param>
/// <param name="Location">Where, or null when the row gives no position.</param>
/// <param name="Address">The address text, or null.</param>
/// <param name="Units">The unit rows, in file order.</param>
public sealed record LoggedCall(string CallNumber, string CallType, string? CallTypeGroup, SfCallTypeMapping Mapping,
    DateTimeOffset ReceivedAt, GeoPoint? Location, string? Address, IReadOnlyList<LoggedUnit> Units)
{
    /// <summary>Our incident type.</summary>
    public IncidentType Type => Mapping.Type;

    /// <summary>
    /// When the call stopped being active: the last unit available again, or, when no unit recorded
    /// that, the last time recorded at all. Duplicate detection treats the call as open until then.
    /// </summary>
    public DateTimeOffset ClearedAt
    {
        get
        {
            var last = ReceivedAt;
            DateTimeOffset? lastAvailable = null;
            foreach (var u in Units)
            {
                if (u.AvailableAt is { } a && (lastAvailable is null || a > lastAvailable)) lastAvailable = a;
                foreach (var t in (ReadOnlySpan<DateTimeOffset?>)[u.DispatchedAt, u.EnRouteAt, u.OnSceneAt])
                    if (t is { } v && v > last) last = v;
            }
            return lastAvailable is { } available && available > last ? available : last;
        }
    }

    /// <summary>The call's times as the response-time statistics read them.</summary>
    public CallTimeline ToTimeline() => new(CallNumber, ReceivedAt, Mapping.Class,
        Units.Select(u => new UnitTimeline(u.UnitId, u.IsEngine, u.DispatchedAt, u.EnRouteAt, u.OnSceneAt)).ToList());
}
