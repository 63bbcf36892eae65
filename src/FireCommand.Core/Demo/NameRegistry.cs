namespace FireCommand.Core.Demo;

/// <summary>
/// Remembers names already given so a province never has two places called the same. Only used
/// for membership tests, never enumerated, so hash order cannot leak into the output.
/// </summary>
internal sealed class NameRegistry
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Claims <paramref name="name"/>; false when someone already has it.</summary>
    public bool TryClaim(string name) => _taken.Add(name);

    /// <summary>
    /// Draws candidates until one is free. After many clashes it qualifies the name with a
    /// direction or 新 the way real gazetteers do (上大坪, 新大坪), and as a last resort numbers it.
    /// </summary>
    public string Claim(Func<string> candidate)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var name = candidate();
            if (TryClaim(name)) return name;
        }
        var root = candidate();
        foreach (var q in PlaceSyllables.VillageQualifiers)
        {
            if (TryClaim(q + root)) return q + root;
        }
        for (var n = 2; ; n++)
        {
            var name = root + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TryClaim(name)) return name;
        }
    }
}
