using System.Text;

namespace FireCommand.Core.Demo;

/// <summary>A generated place name: the full name, its root (without 市/县/镇…) and pinyin initials of the root.</summary>
internal sealed record PlaceName(string Name, string Root, string Initials);

/// <summary>
/// Builds unique Chinese place names from the syllable tables. Roots are unique across the whole
/// province (not only per kind), so 石门镇 and 石门村 never both exist and addresses stay unambiguous.
/// </summary>
internal sealed class PlaceNamer(Prng rng, NameRegistry roots)
{
    private readonly HashSet<string> _cityInitials = new(StringComparer.Ordinal);
    private List<string>? _urbanAreas;
    private int _nextUrbanArea;

    public PlaceName City()
    {
        for (var attempt = 0; ; attempt++)
        {
            var h = rng.Below(PlaceSyllables.Count(PlaceSyllables.Heads));
            var t = rng.Below(PlaceSyllables.Count(PlaceSyllables.CityTails));
            var root = $"{PlaceSyllables.CharAt(PlaceSyllables.Heads, h)}{PlaceSyllables.CharAt(PlaceSyllables.CityTails, t)}";
            var initials = $"{PlaceSyllables.InitialAt(PlaceSyllables.Heads, h)}{PlaceSyllables.InitialAt(PlaceSyllables.CityTails, t)}";
            // Water-source codes start with the city's initials, so they must differ between cities.
            if ((attempt > 500 || !_cityInitials.Contains(initials)) && roots.TryClaim(root))
            {
                _cityInitials.Add(initials);
                return new PlaceName(root + "市", root, initials);
            }
        }
    }

    public PlaceName District() => Suffixed(roots.Claim(TwoSyllables), "区");

    public PlaceName County() => Suffixed(roots.Claim(TwoSyllables), "县");

    /// <summary>Towns are 镇; remote (mountain) ones are more often 乡 as in real gazetteers.</summary>
    public PlaceName Town(bool remote) => Suffixed(roots.Claim(TwoSyllables), rng.Chance(remote ? 0.45 : 0.15) ? "乡" : "镇");

    public PlaceName Village() => Suffixed(roots.Claim(VillageRoot), "村");

    /// <summary>An urban area name (滨江, 城南…), unique in the province, for stations and estates.</summary>
    public string UrbanArea()
    {
        if (_urbanAreas is null)
        {
            // A seed-dependent order so provinces differ.
            _urbanAreas = [.. PlaceSyllables.UrbanAreas];
            rng.Shuffle(_urbanAreas);
        }
        while (_nextUrbanArea < _urbanAreas.Count)
        {
            var name = _urbanAreas[_nextUrbanArea++];
            if (roots.TryClaim(name)) return name;
        }
        return roots.Claim(TwoSyllables);
    }

    /// <summary>A free two-syllable root, for names that are not settlements (plants, relics).</summary>
    public string FreeRoot() => roots.Claim(TwoSyllables);

    private static PlaceName Suffixed(string root, string suffix) => new(root + suffix, root, "");

    private string TwoSyllables()
    {
        var h = PlaceSyllables.CharAt(PlaceSyllables.Heads, rng.Below(PlaceSyllables.Count(PlaceSyllables.Heads)));
        var t = PlaceSyllables.CharAt(PlaceSyllables.Tails, rng.Below(PlaceSyllables.Count(PlaceSyllables.Tails)));
        return new StringBuilder(2).Append(h).Append(t).ToString();
    }

    private string VillageRoot()
    {
        var r = rng.NextDouble();
        if (r < 0.4)
            return $"{rng.Pick(PlaceSyllables.VillageSurnames)}家{rng.Pick(PlaceSyllables.VillageLandforms)}";
        if (r < 0.6)
            return $"{rng.Pick(PlaceSyllables.VillageQualifiers)}{rng.Pick(PlaceSyllables.VillageLandforms)}";
        return TwoSyllables();
    }
}
