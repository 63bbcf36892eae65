namespace FireCommand.Core.Security;

/// <summary>
/// The set of jurisdictions the current caller may see and change. One instance per request
/// (scoped); not thread-safe beyond that.
/// </summary>
public interface IJurisdictionScope
{
    /// <summary>True for province-level users and for the platform itself (seeding, background work).</summary>
    bool SeesAll { get; }

    /// <summary>Visible jurisdiction ids (the caller's own and all below it); empty when <see cref="SeesAll"/>.</summary>
    long[] VisibleIds { get; }
}

/// <summary>A fixed scope: the platform itself (everything) or a given set.</summary>
public sealed class FixedJurisdictionScope(bool seesAll, long[] visibleIds) : IJurisdictionScope
{
    public static FixedJurisdictionScope System { get; } = new(true, []);
    public static FixedJurisdictionScope Nothing { get; } = new(false, []);

    public bool SeesAll { get; } = seesAll;
    public long[] VisibleIds { get; } = visibleIds;
}

/// <summary>Raised when a change touches a record outside the caller's jurisdiction.</summary>
public sealed class JurisdictionViolationException(string entity, long jurisdictionId)
    : InvalidOperationException($"{entity} belongs to jurisdiction {jurisdictionId}, outside the caller's jurisdiction.");
