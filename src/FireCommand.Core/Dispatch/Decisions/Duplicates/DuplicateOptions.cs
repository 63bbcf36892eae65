namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// Two incident kinds that may describe the same event (symmetric). A null subtype matches any
/// subtype of the type. Immutable.
/// </summary>
/// <param name="A">One type.</param>
/// <param name="B">The other type.</param>
/// <param name="SubtypeA">Subtype of <paramref name="A"/>, or null for any.</param>
/// <param name="SubtypeB">Subtype of <paramref name="B"/>, or null for any.</param>
public sealed record TypeMatch(IncidentType A, IncidentType B, string? SubtypeA = null, string? SubtypeB = null)
{
    /// <summary>True when the pair matches in either order.</summary>
    public bool Matches(IncidentType x, string? subX, IncidentType y, string? subY) =>
        Side(A, SubtypeA, x, subX) && Side(B, SubtypeB, y, subY) ||
        Side(A, SubtypeA, y, subY) && Side(B, SubtypeB, x, subX);

    private static bool Side(IncidentType type, string? subtype, IncidentType t, string? s) =>
        type == t && (subtype is null || IncidentSubtypes.Same(subtype, s));
}

/// <summary>
/// Settings of duplicate-call detection, meant to be bound from configuration
/// (<c>Dispatch:Duplicates</c>) and validated at start with <see cref="Validate"/>.
/// </summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed record DuplicateOptions
{
    /// <summary>How far apart two calls may be and still be one event. 500 m suits a city, where a
    /// fire is seen and reported from several streets; rural areas may bind a larger value.</summary>
    public double RadiusMeters { get; init; } = 500;

    /// <summary>How long after an incident's last call a new call may still be about it.</summary>
    public double WindowMinutes { get; init; } = 30;

    /// <summary>Calls about the same registered key place match at any distance (a campus or plant
    /// is larger than the radius, and its automatic alarm and a phone call name the same unit).</summary>
    public bool SameKeyPlaceMatchesAtAnyDistance { get; init; } = true;

    /// <summary>Which incident kinds may be one event; null means <see cref="DefaultCompatibility"/>
    /// (a bound list replaces the default rather than being appended to it).</summary>
    public IReadOnlyList<TypeMatch>? Compatibility { get; init; }

    /// <summary>
    /// The shipped table. Same type always matches (an automatic alarm and a phone call about a fire
    /// are both 火灾扑救). Across types: a traffic collision, hazmat leak or collapse is often
    /// reported as a fire by one caller and as a rescue by another; a lift or flooding call may be
    /// logged as social assistance. A false alarm is never a candidate, whatever this table says:
    /// its purpose is to close a call, not to absorb new ones.
    /// </summary>
    public static IReadOnlyList<TypeMatch> DefaultCompatibility { get; } =
    [
        new(IncidentType.Fire, IncidentType.Fire),
        new(IncidentType.Rescue, IncidentType.Rescue),
        new(IncidentType.SocialAssistance, IncidentType.SocialAssistance),
        new(IncidentType.SecurityDuty, IncidentType.SecurityDuty),
        new(IncidentType.Fire, IncidentType.Rescue, null, IncidentSubtypes.Traffic),
        new(IncidentType.Fire, IncidentType.Rescue, null, IncidentSubtypes.HazmatLeak),
        new(IncidentType.Fire, IncidentType.Rescue, null, IncidentSubtypes.Collapse),
        new(IncidentType.Rescue, IncidentType.SocialAssistance),
    ];

    /// <summary>The table in force.</summary>
    public IReadOnlyList<TypeMatch> EffectiveCompatibility => Compatibility ?? DefaultCompatibility;

    /// <summary>Problems with the values, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(double.IsFinite(RadiusMeters) && RadiusMeters > 0)) errors.Add($"{nameof(RadiusMeters)} must be a positive number.");
        if (!(double.IsFinite(WindowMinutes) && WindowMinutes > 0)) errors.Add($"{nameof(WindowMinutes)} must be a positive number.");
        return errors;
    }
}
