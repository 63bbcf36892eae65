using System.Text.Json;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>Reads the plan file by hand (not by deserialising) so every bad value gets its own
/// typed error and JSON path, and a file with errors yields nothing.</summary>
internal static class PlanSetReader
{
    private static readonly string[] RowFields = ["type", "subtype", "level", "place", "slots"];
    private static readonly string[] SlotFields = ["capability", "apparatus", "count", "zh", "en"];

    public static List<ResponsePlan> Read(string json, List<PlanError> errors)
    {
        var plans = new List<ResponsePlan>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e)
        {
            errors.Add(new("$", PlanErrorKind.InvalidJson, $"Not valid JSON: {e.Message}"));
            return plans;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty("plans", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new("$.plans", PlanErrorKind.InvalidJson, "The file must be an object with a \"plans\" array."));
                return plans;
            }
            var seen = new Dictionary<ResponsePlanKey, string>();
            int i = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var path = $"plans[{i++}]";
                if (ReadRow(row, path, errors) is not { } plan) continue;
                var key = plan.Key with { Subtype = plan.Key.Subtype?.ToLowerInvariant() };
                if (seen.TryGetValue(key, out var first))
                    errors.Add(new(path, PlanErrorKind.DuplicateKey, $"Same key as {first} ({plan.Key}); merge the two rows."));
                else seen[key] = path;
                plans.Add(plan with { Key = key });
            }
        }
        return plans;
    }

    private static ResponsePlan? ReadRow(JsonElement row, string path, List<PlanError> errors)
    {
        if (!IsObject(row, path, RowFields, errors)) return null;
        int before = errors.Count;
        var type = ReadName<IncidentType>(row, "type", path, PlanErrorKind.UnknownIncidentType, required: true, errors);
        if (type == IncidentType.FalseAlarm)
            errors.Add(new($"{path}.type", PlanErrorKind.UnknownIncidentType, "虚假警 (FalseAlarm) has no response plan."));
        var subtype = ReadString(row, "subtype", path, required: false, errors);
        if (subtype is not null && !IncidentSubtypes.IsKnown(subtype))
            errors.Add(new($"{path}.subtype", PlanErrorKind.UnknownSubtype,
                $"Unknown subtype \"{subtype}\"; known: {string.Join(", ", IncidentSubtypes.All)}."));
        var level = ReadInt(row, "level", path, errors);
        if (level is < Incident.MinFireLevel or > Incident.MaxFireLevel)
            errors.Add(new($"{path}.level", PlanErrorKind.LevelOutOfRange, $"Fire level {level} is outside 1–5."));
        var place = ReadName<KeyPlaceCategory>(row, "place", path, PlanErrorKind.UnknownPlaceCategory, required: false, errors);
        var slots = new List<PlanSlot>();
        if (!row.TryGetProperty("slots", out var slotArray) || slotArray.ValueKind != JsonValueKind.Array || slotArray.GetArrayLength() == 0)
            errors.Add(new($"{path}.slots", PlanErrorKind.MissingField, "A row needs a non-empty \"slots\" array."));
        else
        {
            int j = 0;
            foreach (var slot in slotArray.EnumerateArray())
                if (ReadSlot(slot, $"{path}.slots[{j++}]", errors) is { } s) slots.Add(s);
        }
        return errors.Count == before && type is { } t && level is { } l
            ? new ResponsePlan(new ResponsePlanKey(t, l, place, subtype), slots) : null;
    }

    private static PlanSlot? ReadSlot(JsonElement slot, string path, List<PlanError> errors)
    {
        if (!IsObject(slot, path, SlotFields, errors)) return null;
        int before = errors.Count;
        var capabilities = UnitCapability.None;
        if (ReadString(slot, "capability", path, required: false, errors) is { } text)
            foreach (var part in text.Split([',', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryName<UnitCapability>(part, out var flag) && flag != UnitCapability.None) capabilities |= flag;
                else errors.Add(new($"{path}.capability", PlanErrorKind.UnknownCapability,
                    $"Unknown capability \"{part}\"; known: {string.Join(", ", Enum.GetNames<UnitCapability>().Skip(1))}."));
            }
        ApparatusSet? apparatus = null;
        if (ReadString(slot, "apparatus", path, required: false, errors) is { } names)
        {
            var types = new List<ApparatusType>();
            foreach (var part in names.Split([',', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (TryName<ApparatusType>(part, out var type)) types.Add(type);
                else errors.Add(new($"{path}.apparatus", PlanErrorKind.UnknownApparatus,
                    $"Unknown apparatus \"{part}\"; known: {string.Join(", ", Enum.GetNames<ApparatusType>())}."));
            if (types.Count > 0) apparatus = ApparatusSet.Of(types);
        }
        if (capabilities == UnitCapability.None && apparatus is null && errors.Count == before)
            errors.Add(new(path, PlanErrorKind.EmptyRequirement, "A slot needs a \"capability\" or an \"apparatus\"."));
        var count = ReadInt(slot, "count", path, errors);
        if (count is < 1 or > PlanSet.MaxCount)
            errors.Add(new($"{path}.count", PlanErrorKind.CountOutOfRange,
                count < 0 ? $"Count {count} is negative." : $"Count {count} is outside 1–{PlanSet.MaxCount}."));
        var zh = ReadString(slot, "zh", path, required: true, errors);
        var en = ReadString(slot, "en", path, required: true, errors);
        return errors.Count == before && count is { } c && zh is not null && en is not null
            ? new PlanSlot(new SlotRequirement(capabilities, apparatus), c, zh, en) : null;
    }

    private static bool IsObject(JsonElement e, string path, string[] fields, List<PlanError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, PlanErrorKind.InvalidJson, "Expected an object."));
            return false;
        }
        foreach (var p in e.EnumerateObject())
            if (!fields.Contains(p.Name, StringComparer.Ordinal))
                errors.Add(new($"{path}.{p.Name}", PlanErrorKind.UnknownField,
                    $"Unknown property \"{p.Name}\"; expected: {string.Join(", ", fields)}."));
        return true;
    }

    private static string? ReadString(JsonElement e, string name, string path, bool required, List<PlanError> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new($"{path}.{name}", PlanErrorKind.MissingField, $"\"{name}\" is required."));
            return null;
        }
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            errors.Add(new($"{path}.{name}", required ? PlanErrorKind.MissingField : PlanErrorKind.InvalidJson,
                $"\"{name}\" must be a non-empty string."));
            return null;
        }
        return v.GetString()!.Trim();
    }

    private static int? ReadInt(JsonElement e, string name, string path, List<PlanError> errors)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            errors.Add(new($"{path}.{name}", PlanErrorKind.MissingField, $"\"{name}\" is required."));
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) return n;
        errors.Add(new($"{path}.{name}", PlanErrorKind.InvalidJson, $"\"{name}\" must be a whole number."));
        return null;
    }

    private static T? ReadName<T>(JsonElement e, string name, string path, PlanErrorKind kind, bool required,
        List<PlanError> errors) where T : struct, Enum
    {
        if (ReadString(e, name, path, required, errors) is not { } text) return null;
        if (TryName<T>(text, out var value) && Convert.ToInt64(value) != 0) return value;
        errors.Add(new($"{path}.{name}", kind, $"Unknown {typeof(T).Name} \"{text}\"."));
        return null;
    }

    /// <summary>Exact names only: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would
    /// also take "5" or "Water, Foam", which are not a single name.</summary>
    private static bool TryName<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(name);
                return true;
            }
        value = default;
        return false;
    }
}
