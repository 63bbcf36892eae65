namespace FireCommand.Core.Shared;

/// <summary>
/// A record that belongs to one jurisdiction. Users see and change it only when that jurisdiction
/// lies inside their own (province users see all); the data layer enforces this for every query
/// and every save.
/// </summary>
public interface IJurisdictionScoped
{
    long JurisdictionId { get; }
}
