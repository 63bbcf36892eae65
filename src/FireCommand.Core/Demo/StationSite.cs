using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>Where a station stands, which sets the size of its response district.</summary>
internal enum StationSetting
{
    /// <summary>City proper: 建标152-2017 districts of 7 / 4 / 2 km².</summary>
    Urban,
    /// <summary>County seat: the standard's suburban districts, up to 15 km².</summary>
    Suburban,
    /// <summary>Towns and villages: the team covers its township.</summary>
    Rural,
}

/// <summary>A planned station: the row, its plane position, brigade and the short name used in call signs.</summary>
internal sealed record StationSite(Station Station, Vec Km, BrigadePlan Brigade, string ShortName, StationSetting Setting)
{
    /// <summary>
    /// Radius of the disc a district is clipped to. For urban stations it is the circle whose area is
    /// the 建标152-2017 ceiling (一级 7 km², 二级 4 km², 小型 2 km²; suburban 一级 15 km²), so the
    /// inscribed 64-gon, and a fortiori the clipped district, stays under it; township teams cover a
    /// township of a few hundred km²; micro stations answer within the village, about 3 minutes on foot.
    /// </summary>
    public double DistrictRadiusKm => Station.Kind switch
    {
        StationKind.Special or StationKind.Class1 when Setting == StationSetting.Suburban => RadiusOf(15),
        StationKind.Special or StationKind.Class1 => RadiusOf(7),
        StationKind.Class2 => RadiusOf(4),
        StationKind.Small => RadiusOf(2),
        StationKind.FullTime => 9,
        StationKind.TownshipTeam => 7,
        _ => 0.8,
    };

    private static double RadiusOf(double squareKilometers) => Math.Sqrt(squareKilometers / DetMath.Pi);
}
