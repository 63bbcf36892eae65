namespace FireCommand.Geo.Profiles;

/// <summary>
/// How fast a fire engine moves on each road class. A loaded pumper (15–25 t) accelerates slowly and
/// takes corners carefully, so speeds sit below car speeds; with lights and siren it may exceed a
/// posted limit a little, which <see cref="MaxSpeedAllowance"/> expresses. Urban roads are slowed by
/// junctions and traffic (<see cref="UrbanFactor"/>), and an optional per-hour multiplier models
/// rush hours. Bind it from configuration or JSON; the defaults are a starting point to calibrate
/// against recorded response times.
/// </summary>
/// <remarks>Treat an instance as immutable once a graph is built from it; reading is thread-safe.</remarks>
public sealed class FireEngineProfile
{
    /// <summary>Free-flow speed per road class, km/h.</summary>
    public Dictionary<RoadKind, double> SpeedKmh { get; init; } = new()
    {
        [RoadKind.Motorway] = 80, [RoadKind.MotorwayLink] = 45,
        [RoadKind.Trunk] = 70, [RoadKind.TrunkLink] = 40,
        [RoadKind.Primary] = 60, [RoadKind.PrimaryLink] = 35,
        [RoadKind.Secondary] = 50, [RoadKind.SecondaryLink] = 30,
        [RoadKind.Tertiary] = 45, [RoadKind.TertiaryLink] = 30,
        [RoadKind.Unclassified] = 35, [RoadKind.Residential] = 25,
        [RoadKind.LivingStreet] = 10, [RoadKind.Service] = 15,
        [RoadKind.Track] = 15, [RoadKind.Road] = 25,
        [RoadKind.Expressway] = 80, [RoadKind.Arterial] = 60, [RoadKind.UrbanStreet] = 40,
        [RoadKind.Local] = 40, [RoadKind.Mountain] = 25,
    };

    /// <summary>Multiplier on speed in built-up areas (junctions, traffic, parked cars).</summary>
    public double UrbanFactor { get; init; } = 0.8;

    /// <summary>Multiplier on speed outside built-up areas.</summary>
    public double RuralFactor { get; init; } = 1.0;

    /// <summary>A road's posted <c>maxspeed</c> times this caps the class speed.</summary>
    public double MaxSpeedAllowance { get; init; } = 1.1;

    /// <summary>Roads posted below this weight limit (<c>maxweight</c>, tonnes) are closed to the engine.</summary>
    public double VehicleWeightTonnes { get; init; } = 16;

    /// <summary>Optional 24 travel-time multipliers (≥ 1) by local hour, applied on urban roads.</summary>
    public double[]? UrbanCongestionByHour { get; init; }

    /// <summary>Hour used with <see cref="UrbanCongestionByHour"/>; null builds the free-flow graph.</summary>
    public int? Hour { get; init; }

    /// <summary>Junctions per square kilometre from which an area counts as built-up.</summary>
    public double UrbanJunctionsPerKm2 { get; init; } = 20;

    /// <summary>Speed of the leg between a point and the road it snaps to (yard, square, field), km/h.</summary>
    public double OffRoadSpeedKmh { get; init; } = 10;

    /// <summary>The default profile.</summary>
    public static FireEngineProfile Default { get; } = new();

    /// <summary>Effective speed in km/h for a road of this class, area and posted limit.</summary>
    public double EffectiveSpeedKmh(RoadKind kind, bool urban, double? maxSpeedKmh)
    {
        if (!SpeedKmh.TryGetValue(kind, out double speed))
            throw new InvalidOperationException($"The fire-engine profile has no speed for {kind}.");
        speed *= urban ? UrbanFactor : RuralFactor;
        if (maxSpeedKmh is > 0) speed = Math.Min(speed, maxSpeedKmh.Value * MaxSpeedAllowance);
        if (urban && Hour is { } h && UrbanCongestionByHour is { Length: 24 } congestion)
            speed /= Math.Max(1.0, congestion[h]);
        return Math.Max(speed, 1.0);
    }

    /// <summary>Travel time in deciseconds (at least 1) for a road piece.</summary>
    public int TravelDeciseconds(double lengthMeters, RoadKind kind, bool urban, double? maxSpeedKmh) =>
        Math.Max(1, (int)Math.Round(lengthMeters / (EffectiveSpeedKmh(kind, urban, maxSpeedKmh) / 3.6) * 10));

    /// <summary>Checks the values; returns the problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var kind in Enum.GetValues<RoadKind>())
            if (!SpeedKmh.TryGetValue(kind, out var s) || !(s > 0 && s < 200))
                problems.Add($"SpeedKmh[{kind}] must be between 0 and 200.");
        if (!(UrbanFactor > 0) || !(RuralFactor > 0)) problems.Add("UrbanFactor and RuralFactor must be positive.");
        if (!(MaxSpeedAllowance >= 1)) problems.Add("MaxSpeedAllowance must be at least 1.");
        if (UrbanCongestionByHour is { } c && (c.Length != 24 || c.Any(x => !(x >= 1))))
            problems.Add("UrbanCongestionByHour needs 24 multipliers of at least 1.");
        if (Hour is < 0 or > 23) problems.Add("Hour must be 0..23.");
        if (!(OffRoadSpeedKmh > 0)) problems.Add("OffRoadSpeedKmh must be positive.");
        return problems;
    }
}
