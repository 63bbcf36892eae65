using FireCommand.Core.Map;
using NetTopologySuite.Geometries;

namespace FireCommand.Core.Demo;

/// <summary>A settlement while the province is being built: where it is, whose it is, how it is reached.</summary>
internal sealed class SettlementSite
{
    public required PlaceName Name { get; init; }
    public required SettlementKind Kind { get; init; }
    public required Vec Km { get; init; }
    public required Coordinate LonLat { get; init; }
    public required int Population { get; init; }
    public required BrigadePlan Brigade { get; init; }
    public required double Mountain { get; init; }
    /// <summary>The city a City-kind settlement stands for.</summary>
    public CityPlan? City { get; init; }
    /// <summary>For a village, the town whose name goes into its address.</summary>
    public SettlementSite? Town { get; set; }
    /// <summary>The street grid of a city, county seat or market town; null elsewhere.</summary>
    public UrbanGrid? Grid { get; set; }
    /// <summary>Road junction at (or, for gridded places, nearest to) the centre.</summary>
    public int Junction { get; set; } = -1;
    public long Id { get; set; }

    public bool IsMountain => Mountain > 0.5;

    /// <summary>Postal-style address: 江州市青山县石门镇大坪村.</summary>
    public string Address => Kind switch
    {
        SettlementKind.City or SettlementKind.CountySeat => Brigade.AddressPrefix,
        SettlementKind.Town => Brigade.AddressPrefix + Name.Name,
        _ => Brigade.AddressPrefix + (Town?.Name.Name ?? "") + Name.Name,
    };
}
