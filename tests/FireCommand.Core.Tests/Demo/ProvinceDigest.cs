using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FireCommand.Core.Demo;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FireCommand.Core.Tests.Demo;

/// <summary>
/// A canonical text of every field of every entity (doubles as their exact bits, geometries as
/// WKB) and its SHA-256, so two provinces compare equal only if they are identical to the bit.
/// </summary>
internal static class ProvinceDigest
{
    public static string Of(DemoProvince p, bool includeStatusTimes = true)
    {
        var text = new StringBuilder();
        void Line(params object?[] fields)
        {
            foreach (var f in fields) text.Append(Format(f)).Append('|');
            text.Append('\n');
        }

        Line(p.ProvinceName, p.Bounds.MinLatitude, p.Bounds.MinLongitude, p.Bounds.MaxLatitude, p.Bounds.MaxLongitude);
        foreach (var j in p.Jurisdictions) Line(j.Id, j.Name, j.Code, j.Level, j.ParentId, j.Boundary);
        foreach (var s in p.Stations) Line(s.Id, s.Name, s.Kind, s.Location, s.Address, s.Phone, s.JurisdictionId, s.District, s.DistrictAreaSquareKilometers);
        foreach (var u in p.Units)
            Line(u.Id, u.CallSign, u.PlateNumber, u.Type, u.Capabilities, u.WaterCapacityLiters, u.FoamCapacityLiters, u.ReachHeightMeters,
                u.Seats, u.HomeStationId, u.JurisdictionId, u.Status, includeStatusTimes ? u.StatusChangedAt : null, u.Position, u.Version);
        foreach (var x in p.Personnel) Line(x.Id, x.Name, x.Rank, x.Post, x.StationId, x.JurisdictionId, x.OnDuty, x.Phone);
        foreach (var w in p.WaterSources) Line(w.Id, w.Code, w.Kind, w.Location, w.Address, w.FlowLitersPerSecond, w.CapacityCubicMeters, w.InService, w.JurisdictionId);
        foreach (var k in p.KeyPlaces)
            Line(k.Id, k.Name, k.Categories, k.Location, k.Address, k.Floors, k.HeightMeters, k.FloorAreaSquareMeters, k.Occupants,
                k.ResponsiblePerson, k.Phone, k.JurisdictionId);
        foreach (var s in p.Settlements) Line(s.Id, s.Name, s.Kind, s.Location, s.Population, s.JurisdictionId);
        foreach (var r in p.RoadSegments) Line(r.Id, r.Name, r.Class, r.FromJunction, r.ToJunction, r.OneWay, r.Geometry, r.LengthMeters);

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Format(object? value) => value switch
    {
        null => "∅",
        double d => BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture),
        Geometry g => $"{g.SRID}:{Convert.ToHexString(new WKBWriter().Write(g))}",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
