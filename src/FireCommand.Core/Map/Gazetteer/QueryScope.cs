using System.Text.RegularExpressions;

namespace FireCommand.Core.Map.Gazetteer;

/// <summary>
/// Which part of the query a matcher is looking at: the whole of it, the part after the enclosing
/// places it started with ("石门镇|大坪村"), and/or the part before a house number ("人民路|128号").
/// A match of less than the whole query ranks one band lower per part left out, so it never beats
/// the same kind of match of the whole query; enclosing places the entry lies in earn a bonus, none
/// of them a further band down. Immutable.
/// </summary>
internal sealed partial record QueryScope(IReadOnlyList<string> Contexts, bool WithoutHouseNumber)
{
    public static readonly QueryScope Whole = new([], false);

    /// <summary>"人民路128号" → "人民路", "大坪村5组" → "大坪村"; null when the query ends in no number.</summary>
    public static string? StreetOf(string folded)
    {
        var m = HouseNumber().Match(folded);
        return m.Success && m.Groups["street"].Length >= 2 ? m.Groups["street"].Value : null;
    }

    /// <summary>Adjusts a hit on <paramref name="entry"/> for what this part of the query leaves out.</summary>
    public Hit Apply(GazetteerIndex index, int entry, Hit hit)
    {
        if (Contexts.Count == 0 && !WithoutHouseNumber) return hit;
        var parts = (Contexts.Count > 0 ? 1 : 0) + (WithoutHouseNumber ? 1 : 0);
        return hit with { Band = hit.Band + parts * MatchBand.PartOfQueryPenalty, ContextShare = ContextShare(index, entry) };
    }

    /// <summary>Fraction of the named enclosing places the entry lies in; −1 when it lies in none of them.</summary>
    private double ContextShare(GazetteerIndex index, int entry)
    {
        if (Contexts.Count == 0) return 0;
        var matched = 0;
        foreach (var c in Contexts)
            if (index.HasParent(entry, c)) matched++;
        return matched == 0 ? -1 : (double)matched / Contexts.Count;
    }

    // The street must end in a character that is no letter or digit, so "g60" is a road, not g + 60.
    [GeneratedRegex(@"^(?<street>.+[^0-9a-z])[0-9]+(号楼|号院|号|栋|幢|组|弄)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HouseNumber();
}
