using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// A set of apparatus types, any of which may fill a slot ("水罐/主战/泡沫" = water tender, main
/// pumper or foam tender). Capabilities alone cannot say this: an aerial platform and a micro
/// station's motorcycle both have <see cref="UnitCapability.Water"/>, yet neither is what an officer
/// means by a water tender. Immutable value with value equality.
/// </summary>
public readonly record struct ApparatusSet
{
    private readonly int _mask;

    private ApparatusSet(int mask) => _mask = mask;

    /// <summary>The set of the given types.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a defined <see cref="ApparatusType"/>.</exception>
    public static ApparatusSet Of(params IEnumerable<ApparatusType> types)
    {
        int mask = 0;
        foreach (var t in types)
        {
            if (!Enum.IsDefined(t) || (int)t is < 0 or > 30)
                throw new ArgumentOutOfRangeException(nameof(types), t, "Unknown apparatus type.");
            mask |= 1 << (int)t;
        }
        return new ApparatusSet(mask);
    }

    /// <summary>A set of one type, so <c>new SlotRequirement(caps, ApparatusType.Ladder)</c> reads naturally.</summary>
    public static implicit operator ApparatusSet(ApparatusType type) => Of(type);

    /// <summary>True when <paramref name="type"/> is in the set.</summary>
    public bool Contains(ApparatusType type) => (int)type is >= 0 and <= 30 && (_mask & (1 << (int)type)) != 0;

    /// <summary>The types, in enum order.</summary>
    public IReadOnlyList<ApparatusType> Types => Enum.GetValues<ApparatusType>().Where(Contains).ToList();

    /// <summary>"WaterTender, MainPumper, Foam": the form plan files use.</summary>
    public override string ToString() => string.Join(", ", Types);
}
