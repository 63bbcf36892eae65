using FireCommand.Core.Resources;

namespace FireCommand.Core.Demo;

/// <summary>
/// Own response plans (单位预案) for the demo's riskiest places: the tallest high-rises and every
/// petrochemical plant. They are added to the corps plan when an incident is at the place, as real
/// key units' plans are, so the command view has one to show. Pure; changes only the given places.
/// </summary>
public static class DemoKeyPlacePlans
{
    /// <summary>Breathing air and lighting for a long fight on upper floors.</summary>
    public const string HighRise = """
        {"plans":[
          {"type":"Fire","level":1,"slots":[{"capability":"AirSupply","count":1,"zh":"供气消防车（单位预案：高层供气）","en":"Breathing-air supply (site plan: high-rise)"}]},
          {"type":"Fire","level":2,"slots":[{"capability":"Lighting","count":1,"zh":"照明消防车（单位预案）","en":"Lighting (site plan)"}]}
        ]}
        """;

    /// <summary>Foam, cooling water and decontamination from the first alarm; decontamination for any leak.</summary>
    public const string Petrochemical = """
        {"plans":[
          {"type":"Fire","level":1,"slots":[
            {"capability":"Foam","count":2,"zh":"泡沫消防车（单位预案：储罐区）","en":"Foam tender (site plan: tank farm)"},
            {"capability":"Decontamination","count":1,"zh":"化学洗消消防车（单位预案）","en":"Decontamination (site plan)"}]},
          {"type":"Rescue","subtype":"hazmat-leak","level":1,"slots":[
            {"capability":"Decontamination","count":1,"zh":"化学洗消消防车（单位预案：泄漏处置）","en":"Decontamination (site plan: leak)"}]}
        ]}
        """;

    /// <summary>Gives the five tallest high-rises and every petrochemical place their own plan.</summary>
    public static void Assign(IEnumerable<KeyPlace> places)
    {
        var list = places.ToList();
        foreach (var place in list.Where(p => p.Categories.HasFlag(KeyPlaceCategory.Petrochemical)))
            place.ResponsePlanJson = Petrochemical;
        foreach (var place in list.Where(p => p.Categories.HasFlag(KeyPlaceCategory.HighRise) && p.ResponsePlanJson is null)
                     .OrderByDescending(p => p.HeightMeters ?? 0).ThenBy(p => p.Id).Take(5))
            place.ResponsePlanJson = HighRise;
    }
}
