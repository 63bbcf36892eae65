using System.Text.Json;
using System.Text.Json.Nodes;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// A validated set of response-plan rows (等级调派方案), sorted into expansion order. The corps
/// default ships with the platform (<see cref="Default"/>); edited plans come through
/// <see cref="Load"/>, which rejects bad files with typed errors and never half-loads.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PlanSet
{
    /// <summary>Largest count one slot row may ask for; more is a typing error, not a plan.</summary>
    public const int MaxCount = 50;

    private const string DefaultResource = "FireCommand.Core.Dispatch.Decisions.default-response-plans.json";
    private static readonly Lazy<PlanSet> DefaultSet = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    internal PlanSet(IEnumerable<ResponsePlan> plans)
    {
        var sorted = plans.ToList();
        sorted.Sort((a, b) => ResponsePlanKey.Compare(a.Key, b.Key));
        Plans = sorted;
    }

    /// <summary>The rows, in expansion order (type, level, generic → subtype → place).</summary>
    public IReadOnlyList<ResponsePlan> Plans { get; }

    /// <summary>The corps default plan set, embedded in the assembly from
    /// <c>Dispatch/Decisions/Plans/default-response-plans.json</c>.</summary>
    public static PlanSet Default => DefaultSet.Value;

    /// <summary>
    /// Parses and validates a plan file: <c>{ "plans": [ { "type", "subtype"?, "level", "place"?,
    /// "slots": [ { "capability", "apparatus"?, "count", "zh", "en" } ] } ] }</c>. Enum values are
    /// written by name (case-insensitive); a capability may combine flags as <c>"Aerial, Foam"</c>.
    /// Every error is reported with its JSON path.
    /// </summary>
    public static PlanLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<PlanError>();
        var plans = PlanSetReader.Read(json, errors);
        return errors.Count == 0 ? new PlanLoadResult(new PlanSet(plans), []) : new PlanLoadResult(null, errors);
    }

    /// <summary>Validates rows built in code with the same rules as <see cref="Load"/>.</summary>
    public static PlanLoadResult Create(IEnumerable<ResponsePlan> plans) => Load(ToJson(plans));

    /// <summary>The set in the file format <see cref="Load"/> reads, indented, Chinese left unescaped.</summary>
    public string ToJson() => ToJson(Plans);

    private static string ToJson(IEnumerable<ResponsePlan> plans)
    {
        var array = new JsonArray();
        foreach (var plan in plans)
        {
            var row = new JsonObject { ["type"] = plan.Key.Type.ToString(), ["level"] = plan.Key.Level };
            if (plan.Key.Subtype is not null) row["subtype"] = plan.Key.Subtype;
            if (plan.Key.Place is not null) row["place"] = plan.Key.Place.ToString();
            var slots = new JsonArray();
            foreach (var s in plan.Slots)
            {
                var slot = new JsonObject();
                if (s.Requirement.Capabilities != Resources.UnitCapability.None) slot["capability"] = s.Requirement.Capabilities.ToString();
                if (s.Requirement.Apparatus is { } a) slot["apparatus"] = a.ToString();
                slot["count"] = s.Count;
                slot["zh"] = s.Chinese;
                slot["en"] = s.English;
                slots.Add(slot);
            }
            row["slots"] = slots;
            array.Add(row);
        }
        return new JsonObject { ["plans"] = array }.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private static PlanSet LoadDefault()
    {
        using var stream = typeof(PlanSet).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResource} is missing.");
        using var reader = new StreamReader(stream);
        var result = Load(reader.ReadToEnd());
        // The shipped file is covered by tests; a broken one is a build defect, not bad input.
        return result.PlanSet ?? throw new InvalidOperationException(
            "The default response plans are invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }
}
