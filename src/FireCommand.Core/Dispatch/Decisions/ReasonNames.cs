using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// The names reasons use for incident types, subtypes and place categories, in both languages, so
/// a sentence never carries a code ("场所类别（HighRise）"). They match the UI resource files.
/// </summary>
internal static class ReasonNames
{
    private static readonly Dictionary<IncidentType, (string Chinese, string English)> Types = new()
    {
        [IncidentType.Fire] = ("火灾扑救", "fire"),
        [IncidentType.Rescue] = ("抢险救援", "rescue"),
        [IncidentType.SocialAssistance] = ("社会救助", "social assistance"),
        [IncidentType.SecurityDuty] = ("安保勤务", "security duty"),
        [IncidentType.FalseAlarm] = ("虚假警", "false alarm"),
    };

    private static readonly Dictionary<string, (string Chinese, string English)> Subtypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [IncidentSubtypes.Traffic] = ("交通事故", "traffic accident"),
        [IncidentSubtypes.Collapse] = ("建筑坍塌", "collapse"),
        [IncidentSubtypes.HazmatLeak] = ("危化品泄漏", "hazmat leak"),
        [IncidentSubtypes.WaterRescue] = ("水域救援", "water rescue"),
        [IncidentSubtypes.Lift] = ("电梯困人", "trapped in lift"),
        [IncidentSubtypes.AutomaticAlarm] = ("自动报警", "automatic alarm"),
    };

    private static readonly Dictionary<KeyPlaceCategory, (string Chinese, string English)> Categories = new()
    {
        [KeyPlaceCategory.HighRise] = ("高层建筑", "high-rise building"),
        [KeyPlaceCategory.Underground] = ("地下空间", "underground space"),
        [KeyPlaceCategory.LargeComplex] = ("大型综合体", "large complex"),
        [KeyPlaceCategory.Petrochemical] = ("石油化工", "petrochemical"),
        [KeyPlaceCategory.HistoricCity] = ("历史文化名城", "historic city"),
        [KeyPlaceCategory.HistoricTown] = ("历史文化名镇", "historic town"),
        [KeyPlaceCategory.HistoricVillage] = ("历史文化名村", "historic village"),
        [KeyPlaceCategory.HistoricBlock] = ("历史文化街区", "historic block"),
        [KeyPlaceCategory.CulturalRelic] = ("文物建筑", "cultural relic"),
        [KeyPlaceCategory.TraditionalVillage] = ("传统村落", "traditional village"),
        [KeyPlaceCategory.RelocationSettlement] = ("易地扶贫搬迁安置点", "relocation settlement"),
        [KeyPlaceCategory.RuralHighRisk] = ("农村火灾高风险区", "rural fire high-risk area"),
        [KeyPlaceCategory.Crowded] = ("人员密集场所", "crowded place"),
    };

    public static (string Chinese, string English) Of(IncidentType type) =>
        Types.TryGetValue(type, out var n) ? n : (type.ToString(), type.ToString());

    /// <summary>A subtype code's name; an unknown code is shown as given (it came from a plan file or a caller).</summary>
    public static (string Chinese, string English) OfSubtype(string subtype) =>
        Subtypes.TryGetValue(subtype, out var n) ? n : (subtype, subtype);

    /// <summary>"高层建筑、地下空间" / "high-rise building, underground space".</summary>
    public static (string Chinese, string English) Of(KeyPlaceCategory categories)
    {
        var names = Enum.GetValues<KeyPlaceCategory>().Where(c => c != KeyPlaceCategory.None && categories.HasFlag(c))
            .Select(c => Categories.TryGetValue(c, out var n) ? n : (c.ToString(), c.ToString())).ToList();
        return (string.Join("、", names.Select(n => n.Item1)), string.Join(", ", names.Select(n => n.Item2)));
    }
}
