namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// An analog type of §8.2.1.3 table 6: its name, unit and the step one count stands for (a pressure in
/// MPa is sent in tenths of a MPa). Types 13–127 are reserved and 128–255 user-defined: no unit.
/// </summary>
public sealed record Gb26875Analog(byte Type, string Name, string Unit, double Step)
{
    private static readonly Gb26875Analog?[] Table = Build();

    public static Gb26875Analog? Of(byte type) => Table[type];

    private static Gb26875Analog?[] Build()
    {
        var t = new Gb26875Analog?[256];
        foreach (var a in new Gb26875Analog[]
        {
            new(1, "event_count", "count", 1),
            new(2, "height", "m", 0.01),
            new(3, "temperature", "°C", 0.1),
            new(4, "pressure_mpa", "MPa", 0.1),
            // The table's step for kPa reads "0.1Mpa", a slip for 0.1 kPa: the range 0–3200 fits kPa.
            new(5, "pressure_kpa", "kPa", 0.1),
            new(6, "gas_concentration", "%LEL", 0.1),
            new(7, "time", "s", 1),
            new(8, "voltage", "V", 0.1),
            new(9, "current", "A", 0.1),
            new(10, "flow", "L/s", 0.1),
            new(11, "air_volume", "m³/min", 0.1),
            new(12, "wind_speed", "m/s", 1),
        })
            t[a.Type] = a;
        return t;
    }
}
