using FireCommand.Core.Resources;

namespace FireCommand.Core.Map.Province.Inputs;

/// <summary>
/// The names a record file may use for the platform's enumerations: the Chinese name the UI shows
/// (the template's documented value), the English UI name, and the code name, all matched without
/// regard to case or surrounding space. The names are the ones in the UI resource files, so a
/// template never asks for a value the screens do not show. Immutable and thread-safe.
/// </summary>
public static class RecordVocabulary
{
    public static readonly IReadOnlyList<(StationKind Value, string Chinese, string English)> StationKinds =
    [
        (StationKind.Special, "特勤站", "Special station"),
        (StationKind.Class1, "一级站", "Class 1 station"),
        (StationKind.Class2, "二级站", "Class 2 station"),
        (StationKind.Small, "小型站", "Small station"),
        (StationKind.FullTime, "专职队", "Full-time team"),
        (StationKind.TownshipTeam, "乡镇专职队", "Township team"),
        (StationKind.MicroStation, "微型消防站", "Micro station"),
    ];

    public static readonly IReadOnlyList<(ApparatusType Value, string Chinese, string English)> ApparatusTypes =
    [
        (ApparatusType.WaterTender, "水罐消防车", "Water tender"),
        (ApparatusType.Foam, "泡沫消防车", "Foam tender"),
        (ApparatusType.MainPumper, "城市主战消防车", "Main pumper"),
        (ApparatusType.AerialPlatform, "登高平台消防车", "Aerial platform"),
        (ApparatusType.Ladder, "云梯消防车", "Ladder"),
        (ApparatusType.ElevatingJet, "举高喷射消防车", "Elevating jet"),
        (ApparatusType.Rescue, "抢险救援消防车", "Rescue"),
        (ApparatusType.SmokeExtraction, "排烟消防车", "Smoke extraction"),
        (ApparatusType.Lighting, "照明消防车", "Lighting"),
        (ApparatusType.Command, "通信指挥消防车", "Command and communications"),
        (ApparatusType.AirSupply, "供气消防车", "Air supply"),
        (ApparatusType.Equipment, "器材消防车", "Equipment"),
        (ApparatusType.Decontamination, "化学洗消消防车", "Decontamination"),
        (ApparatusType.LongDistanceWaterSupply, "远程供水消防车", "Long-distance water supply"),
        (ApparatusType.Motorcycle, "消防摩托车", "Fire motorcycle"),
    ];

    public static readonly IReadOnlyList<(WaterSourceKind Value, string Chinese, string English)> WaterSourceKinds =
    [
        (WaterSourceKind.Hydrant, "市政消火栓", "Hydrant"),
        (WaterSourceKind.FirePool, "消防水池", "Fire pool"),
        (WaterSourceKind.NaturalSource, "天然水源", "Natural source"),
        (WaterSourceKind.Intake, "取水码头", "Intake"),
    ];

    public static readonly IReadOnlyList<(KeyPlaceCategory Value, string Chinese, string English)> KeyPlaceCategories =
    [
        (KeyPlaceCategory.HighRise, "高层建筑", "High-rise building"),
        (KeyPlaceCategory.Underground, "地下空间", "Underground space"),
        (KeyPlaceCategory.LargeComplex, "大型综合体", "Large complex"),
        (KeyPlaceCategory.Petrochemical, "石油化工", "Petrochemical"),
        (KeyPlaceCategory.HistoricCity, "历史文化名城", "Historic city"),
        (KeyPlaceCategory.HistoricTown, "历史文化名镇", "Historic town"),
        (KeyPlaceCategory.HistoricVillage, "历史文化名村", "Historic village"),
        (KeyPlaceCategory.HistoricBlock, "历史文化街区", "Historic block"),
        (KeyPlaceCategory.CulturalRelic, "文物建筑", "Cultural relic"),
        (KeyPlaceCategory.TraditionalVillage, "传统村落", "Traditional village"),
        (KeyPlaceCategory.RelocationSettlement, "易地扶贫搬迁安置点", "Poverty-relief relocation settlement"),
        (KeyPlaceCategory.RuralHighRisk, "农村火灾高风险区", "Rural fire high-risk area"),
        (KeyPlaceCategory.Crowded, "人员密集场所", "Crowded place"),
    ];

    /// <summary>The value named by <paramref name="text"/> (Chinese, English or code name), or null.</summary>
    public static T? Find<T>(IReadOnlyList<(T Value, string Chinese, string English)> names, string text) where T : struct, Enum
    {
        var t = text.Trim();
        foreach (var (value, chinese, english) in names)
            if (string.Equals(t, chinese, StringComparison.Ordinal) || string.Equals(t, english, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t, value.ToString(), StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }

    /// <summary>"特勤站、一级站…": the documented values, for templates and error messages.</summary>
    public static string Allowed<T>(IReadOnlyList<(T Value, string Chinese, string English)> names) =>
        string.Join("、", names.Select(n => n.Chinese));

    public static string ChineseName<T>(IReadOnlyList<(T Value, string Chinese, string English)> names, T value) where T : struct, Enum =>
        names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Chinese;
}
