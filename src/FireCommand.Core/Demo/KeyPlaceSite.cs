using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>A key place with its plane position, brigade and (for rural places) settlement.</summary>
internal sealed record KeyPlaceSite(KeyPlace Place, Vec Km, BrigadePlan Brigade, SettlementSite? Settlement);

/// <summary>
/// Collects key places with unique names, located in the brigade whose boundary covers them.
/// Ids are 1..n in the order of acceptance.
/// </summary>
internal sealed class KeyPlaceBook(AdminPlan admin, Prng rng)
{
    private readonly NameRegistry _names = new();
    private readonly PersonNames _people = new(rng);

    public List<KeyPlaceSite> Sites { get; } = [];

    public bool IsTaken(string name) => _names.IsTaken(name);

    /// <summary>Adds a place unless the name is taken or the point lies outside the province.</summary>
    public KeyPlaceSite? Add(string name, KeyPlaceCategory categories, Vec km, Func<BrigadePlan, string> address,
        int occupants, SettlementSite? settlement, Action<KeyPlace>? building = null)
    {
        var brigade = admin.BrigadeAt(km);
        if (brigade is null || !_names.TryClaim(name)) return null;
        var place = new KeyPlace
        {
            Id = Sites.Count + 1,
            Name = name,
            Categories = categories,
            Location = admin.Shape.Frame.Point(km),
            Address = address(brigade),
            Occupants = occupants,
            ResponsiblePerson = _people.Next(0.7),
            Phone = _people.Mobile(),
            JurisdictionId = brigade.Id,
        };
        building?.Invoke(place);
        var site = new KeyPlaceSite(place, km, brigade, settlement);
        Sites.Add(site);
        return site;
    }
}
