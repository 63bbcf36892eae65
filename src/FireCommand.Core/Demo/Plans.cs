using NetTopologySuite.Geometries;

namespace FireCommand.Core.Demo;

/// <summary>A prefecture city and its detachment (支队) while the province is being laid out.</summary>
internal sealed class CityPlan
{
    public required PlaceName Name { get; init; }
    public required Vec Centre { get; init; }
    public required int Population { get; init; }
    public required double UrbanRadiusKm { get; init; }
    public required int Index { get; init; }
    public long DetachmentId { get; set; }
    public string Code { get; set; } = "";
    /// <summary>Telephone area code, e.g. "0736".</summary>
    public string AreaCode { get; set; } = "";
    /// <summary>Licence-plate letter: A for the capital, then B, C…</summary>
    public char PlateLetter { get; set; }
    public Geometry RegionKm { get; set; } = MultiPolygon.Empty;
    public MultiPolygon Boundary { get; set; } = MultiPolygon.Empty;
    public List<BrigadePlan> Brigades { get; } = [];
}

/// <summary>A district or county and its brigade (大队).</summary>
internal sealed class BrigadePlan
{
    public required PlaceName Name { get; init; }
    public required bool IsDistrict { get; init; }
    public required Vec Seat { get; init; }
    public required CityPlan City { get; init; }
    public long Id { get; set; }
    public string Code { get; set; } = "";
    public int SeatPopulation { get; set; }
    public double SeatRadiusKm { get; set; }
    public MultiPolygon Boundary { get; set; } = MultiPolygon.Empty;

    /// <summary>"江州市临川区" / "江州市青山县", the start of every address in the brigade.</summary>
    public string AddressPrefix => City.Name.Name + Name.Name;
}

/// <summary>The administrative layout: cities, districts and counties with their boundaries.</summary>
internal sealed class AdminPlan
{
    public required ProvinceShape Shape { get; init; }
    public required List<CityPlan> Cities { get; init; }
    public required MultiPolygon ProvinceBoundary { get; init; }
    public required JurisdictionLocator Locator { get; init; }
    public IEnumerable<BrigadePlan> Brigades => Cities.SelectMany(c => c.Brigades);

    /// <summary>The brigade whose stored boundary covers the plane point, or null outside the province.</summary>
    public BrigadePlan? BrigadeAt(Vec km) => Locator.Locate(Shape.Frame.ToLonLat(km));
}
