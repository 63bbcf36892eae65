using System.Text.RegularExpressions;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;
using FireCommand.Geo;

namespace FireCommand.Core.Tests.Dispatch;

/// <summary>
/// Reasons are read by dispatchers in Chinese or English: no enum member name or subtype code may
/// appear in either sentence. The forbidden words come from the enums themselves, by reflection.
/// </summary>
public sealed class ReasonLanguageTests
{
    // Enum names are PascalCase, so they are matched case-sensitively in both languages; subtype
    // codes ("water", "lift") are plain English words, so they are forbidden in the Chinese text only.
    private static readonly string[] EnumNames =
        [.. Enum.GetNames<IncidentType>(), .. Enum.GetNames<KeyPlaceCategory>().Where(n => n != "None")];

    private static void AssertNoCodes(IEnumerable<DecisionReason> reasons)
    {
        var list = reasons.ToList();
        Assert.NotEmpty(list);
        foreach (var r in list)
        {
            foreach (var name in EnumNames)
                foreach (var text in new[] { r.Chinese, r.English })
                    Assert.False(Regex.IsMatch(text, $@"(?<![A-Za-z]){name}(?![A-Za-z])"), $"\"{text}\" shows the code {name}");
            foreach (var code in IncidentSubtypes.All)
                Assert.False(r.Chinese.Contains(code, StringComparison.OrdinalIgnoreCase), $"\"{r.Chinese}\" shows the code {code}");
        }
    }

    [Fact]
    public void FireLevelReasons_NamePlaceCategoriesInWords()
    {
        var s = FireLevelSuggester.Suggest(IncidentType.Fire, null, 0, 0, 0,
            KeyPlaceCategory.HighRise | KeyPlaceCategory.Underground | KeyPlaceCategory.LargeComplex, null);
        AssertNoCodes(s.Reasons);
        var place = Assert.Single(s.Reasons, r => r.Code == "level-place");
        Assert.Equal("场所类别（高层建筑、地下空间、大型综合体）提高一级至2级", place.Chinese);
        Assert.Contains("high-rise building", place.English, StringComparison.Ordinal);
    }

    [Fact]
    public void FireLevelReasons_NameSubtypesInWords()
    {
        var s = FireLevelSuggester.Suggest(IncidentType.Rescue, IncidentSubtypes.HazmatLeak, 0, 0, 0, KeyPlaceCategory.None, null);
        var subtype = s.Reasons.Where(r => r.Code == "level-subtype").ToList();
        if (subtype.Count > 0)
        {
            AssertNoCodes(subtype);
            Assert.Contains("危化品泄漏", subtype[0].Chinese, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DuplicateReasons_NameTheIncidentTypeInWords()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var here = new GeoPoint(28.2, 112.9);
        var c = Assert.Single(DuplicateDetector.FindCandidates(new NewAlarm(here, IncidentType.Fire, at, null, null),
            [new ActiveIncident(1, "N1", here, IncidentType.Fire, at.AddMinutes(-3), null, null)]));
        AssertNoCodes(c.Reasons);
        Assert.Contains(c.Reasons, r => r.Chinese == "警情类型相同（火灾扑救）");
    }
}
