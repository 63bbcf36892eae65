namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>What is wrong with a plan file; the API maps each kind to a ProblemDetails entry.</summary>
public enum PlanErrorKind
{
    /// <summary>Not JSON, or not the shape a plan file has (an object where an array belongs…).</summary>
    InvalidJson = 1,
    /// <summary>A required property is absent or empty.</summary>
    MissingField = 2,
    /// <summary>A property this format does not have (usually a typo).</summary>
    UnknownField = 3,
    /// <summary>Not an <see cref="IncidentType"/> name, or <see cref="IncidentType.FalseAlarm"/>, which has no plan.</summary>
    UnknownIncidentType = 4,
    /// <summary>Not an <see cref="IncidentSubtypes"/> code.</summary>
    UnknownSubtype = 5,
    /// <summary>Not a <see cref="Resources.UnitCapability"/> name.</summary>
    UnknownCapability = 6,
    /// <summary>Not an <see cref="Resources.ApparatusType"/> name.</summary>
    UnknownApparatus = 7,
    /// <summary>Not a single <see cref="Resources.KeyPlaceCategory"/> name.</summary>
    UnknownPlaceCategory = 8,
    /// <summary>Fire level outside 1–5.</summary>
    LevelOutOfRange = 9,
    /// <summary>Count negative, zero or above <see cref="PlanSet.MaxCount"/>.</summary>
    CountOutOfRange = 10,
    /// <summary>Two rows with the same key; merge them into one.</summary>
    DuplicateKey = 11,
    /// <summary>A slot that asks for nothing (no capability and no apparatus).</summary>
    EmptyRequirement = 12,
}

/// <summary>One error found while loading a plan set. Immutable.</summary>
/// <param name="Path">JSON path of the offending value, e.g. <c>plans[3].slots[0].count</c>.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence for the plan editor, naming the bad value.</param>
public sealed record PlanError(string Path, PlanErrorKind Kind, string Message);

/// <summary>The outcome of <see cref="PlanSet.Load"/>: a plan set, or every error found (not just the first).</summary>
/// <param name="PlanSet">The loaded set, or null when there are errors.</param>
/// <param name="Errors">Empty on success.</param>
public sealed record PlanLoadResult(PlanSet? PlanSet, IReadOnlyList<PlanError> Errors)
{
    /// <summary>True when the file loaded without errors.</summary>
    public bool IsValid => PlanSet is not null;
}
