using FireCommand.Core.Security;
using FireCommand.Web.Map;
using NetTopologySuite.Geometries;

namespace FireCommand.Web.Shared;

/// <summary>
/// Whether a record's position agrees with the jurisdiction it is filed under. A station or hydrant
/// just over a border is real (a brigade may keep a pool across the line), so a mismatch is stored,
/// with a warning to the caller and in the audit trail, rather than refused; the same goes for a
/// point outside the province, which is most often swapped or mistyped coordinates.
/// </summary>
public static class Placement
{
    /// <summary>The warning for <paramref name="location"/> filed under <paramref name="jurisdictionId"/>, or null when it fits.</summary>
    public static string? Warning(ProvinceGeography geography, JurisdictionDirectory directory, Point location, long jurisdictionId)
    {
        var locator = geography.Current.Jurisdictions;
        var at = locator.Locate(location);
        if (at is null)
            return locator.IsInsideProvince(location) ? null
                : $"The location ({location.Y:0.######}, {location.X:0.######}) lies outside the province; check the coordinates.";
        return directory.SelfAndAncestors(at.Value).Contains(jurisdictionId) ? null
            : $"The location lies in jurisdiction {at.Value}, outside jurisdiction {jurisdictionId} the record is filed under.";
    }
}
