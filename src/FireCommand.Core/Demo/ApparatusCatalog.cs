using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>What a unit of a given type carries, as the seeder writes it on the unit row.</summary>
internal sealed record ApparatusSpec(string Label, UnitCapability Capabilities, int WaterLiters, int FoamLiters, double ReachMeters, int Seats);

/// <summary>
/// Apparatus by station kind and the specification of each type. Line-ups follow 建标152-2017
/// practice: a 特勤站 carries the heavy specialist fleet, a 一级站 a pumper, tenders, rescue and an
/// aerial, and grassroots teams a tender or a motorcycle.
/// </summary>
internal static class ApparatusCatalog
{
    /// <summary>The fixed core of a station's fleet, most important first, and the pool its extra units come from.</summary>
    public static (ApparatusType[] Core, ApparatusType[] Extras, int Min, int Max) LineUp(StationKind kind, Prng rng) => kind switch
    {
        StationKind.Special => (
            [ApparatusType.MainPumper, ApparatusType.Rescue, ApparatusType.AerialPlatform, ApparatusType.Ladder, ApparatusType.ElevatingJet,
             ApparatusType.Foam, ApparatusType.Command, ApparatusType.AirSupply, ApparatusType.Decontamination],
            [ApparatusType.WaterTender, ApparatusType.WaterTender, ApparatusType.SmokeExtraction, ApparatusType.Lighting,
             ApparatusType.Equipment, ApparatusType.LongDistanceWaterSupply], 9, 12),
        StationKind.Class1 => (
            [ApparatusType.MainPumper, ApparatusType.WaterTender, ApparatusType.Rescue, rng.Chance(0.6) ? ApparatusType.AerialPlatform : ApparatusType.Ladder],
            [ApparatusType.WaterTender, ApparatusType.Foam, ApparatusType.ElevatingJet, ApparatusType.SmokeExtraction, ApparatusType.Lighting, ApparatusType.Equipment], 5, 7),
        StationKind.Class2 => (
            [ApparatusType.MainPumper, ApparatusType.WaterTender, ApparatusType.Rescue],
            [ApparatusType.WaterTender, ApparatusType.Foam, ApparatusType.Equipment, ApparatusType.Ladder], 3, 5),
        StationKind.Small => ([ApparatusType.MainPumper, ApparatusType.Rescue], [ApparatusType.WaterTender], 2, 3),
        StationKind.FullTime => ([ApparatusType.WaterTender, ApparatusType.MainPumper], [ApparatusType.Rescue, ApparatusType.WaterTender], 2, 3),
        StationKind.TownshipTeam => ([ApparatusType.WaterTender], [ApparatusType.Rescue], 1, 2),
        _ => ([rng.Chance(0.6) ? ApparatusType.Motorcycle : ApparatusType.WaterTender], [], 0, 1),
    };

    public static ApparatusSpec Spec(ApparatusType type, StationKind kind, Prng rng)
    {
        var grassroots = kind is StationKind.TownshipTeam or StationKind.MicroStation;
        var heavy = kind is StationKind.Special or StationKind.Class1;
        return type switch
        {
            ApparatusType.WaterTender => grassroots
                ? new("水罐", UnitCapability.Water, Round(rng.Range(2_000, 5_000)), 0, 0, 3)
                : Tender(rng),
            ApparatusType.Foam => new("泡沫", UnitCapability.Water | UnitCapability.Foam, Round(rng.Range(4_000, 8_000)), Round(rng.Range(2_000, 4_000)), 0, 6),
            ApparatusType.MainPumper => new("主战", UnitCapability.Water | UnitCapability.Foam | UnitCapability.Rescue,
                Round(rng.Range(4_000, 6_000)), Round(rng.Range(500, 1_000)), 0, 6),
            ApparatusType.AerialPlatform => new("登高", UnitCapability.Aerial | UnitCapability.Water, 0, 0,
                rng.Pick(heavy ? [54.0, 68, 72, 88, 101] : new[] { 32.0, 42, 54 }), 3),
            ApparatusType.Ladder => new("云梯", UnitCapability.Aerial, 0, 0, rng.Pick([32.0, 42, 53, 60]), 3),
            ApparatusType.ElevatingJet => new("举高", UnitCapability.Aerial | UnitCapability.Water | UnitCapability.Foam,
                Round(rng.Range(6_000, 8_000)), Round(rng.Range(1_000, 2_000)), rng.Pick([32.0, 44, 56, 62]), 3),
            ApparatusType.Rescue => new("抢险", UnitCapability.Rescue | UnitCapability.Lighting | (heavy ? UnitCapability.Hazmat : UnitCapability.None),
                0, 0, 0, rng.Between(5, 7)),
            ApparatusType.SmokeExtraction => new("排烟", UnitCapability.SmokeExtraction, 0, 0, 0, 3),
            ApparatusType.Lighting => new("照明", UnitCapability.Lighting, 0, 0, 0, 3),
            ApparatusType.Command => new("指挥", UnitCapability.Command | UnitCapability.Lighting, 0, 0, 0, 5),
            ApparatusType.AirSupply => new("供气", UnitCapability.AirSupply, 0, 0, 0, 3),
            ApparatusType.Equipment => new("器材", UnitCapability.Equipment | UnitCapability.Rescue, 0, 0, 0, 3),
            ApparatusType.Decontamination => new("洗消", UnitCapability.Decontamination | UnitCapability.Hazmat, 2_000, 0, 0, 5),
            ApparatusType.LongDistanceWaterSupply => new("供水", UnitCapability.WaterRelay | UnitCapability.Water, 0, 0, 0, 3),
            _ => new("摩托", UnitCapability.Water | UnitCapability.Foam, 50, 10, 0, 2),
        };
    }

    private static ApparatusSpec Tender(Prng rng)
    {
        var foam = rng.Chance(0.3) ? 500 : 0;
        var capabilities = UnitCapability.Water | (foam > 0 ? UnitCapability.Foam : UnitCapability.None);
        return new("水罐", capabilities, Round(rng.Range(6_000, 12_000)), foam, 0, 6);
    }

    private static int Round(double liters) => (int)(Math.Round(liters / 100) * 100);
}
