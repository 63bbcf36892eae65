using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FireCommand.Core.Sensing.Mqtt;

/// <summary>What a publish became: device messages, or the reason it was refused.</summary>
public sealed record MqttParseResult(IReadOnlyList<DeviceMessage> Messages, MqttRejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static MqttParseResult Refused(MqttRejectionReason reason, string? field, string detail) =>
        new([], new MqttRejection(reason, field, detail));
}

/// <summary>
/// Turns an MQTT device's JSON payload into <see cref="DeviceMessage"/>s (the scheme is in
/// docs/mqtt.md). Anything that is not exactly the scheme is refused with a reason and the field at
/// fault; nothing is guessed. Unknown fields are ignored, so devices may add their own.
/// <para>
/// The message id that makes a retransmission idempotent comes from the payload: its <c>id</c>, or
/// else its <c>ts</c> with the metric, event type and component (one reading of one metric at one
/// instant is one message). The MQTT packet id is not used: it is numbered per connection and hop,
/// so a device's retry through an external broker reaches the platform under another one.
/// </para>
/// Pure and thread-safe.
/// </summary>
public static partial class MqttPayloadParser
{
    public const int DefaultMaxPayloadBytes = 8 * 1024;
    public const int MaxValues = 32;
    public const int MaxIdLength = 100;
    public const int MaxComponentLength = 64;
    public const int MaxTextLength = 500;

    /// <summary>Event types, as <see cref="DeviceMessage.Type"/> names them.</summary>
    public static IReadOnlySet<string> EventTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "fire", "fault", "shielded", "supervisory", "manual_call_point", "water_flow", "pump_start", "reset", "normal" };

    /// <summary>Status types besides online/offline, which the <c>online</c> flag gives.</summary>
    public static IReadOnlySet<string> StatusTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "online", "offline", "mains_fault", "battery_fault" };

    // A metric's unit is the suffix of its name; the longest matching suffix wins.
    private static readonly (string Suffix, string Unit)[] Units =
    [
        ("_lel_percent", "%LEL"), ("_percent", "%"), ("_mpa", "MPa"), ("_kpa", "kPa"), ("_ma", "mA"),
        ("_m", "m"), ("_c", "°C"), ("_v", "V"), ("_a", "A"), ("_ppm", "ppm"), ("_db", "dB"), ("_obscuration", "%/m"),
    ];

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8, AllowTrailingCommas = false };

    // Epoch milliseconds outside 2000–2100 are a unit mistake (seconds, microseconds), not a time.
    private const long MinEpochMs = 946_684_800_000;
    private const long MaxEpochMs = 4_102_444_800_000;

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,47}$")]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<zone>Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoPattern();

    /// <summary>
    /// Parses one publish. <paramref name="localZone"/> reads an ISO time without an offset (the
    /// corps' zone: such a device keeps local time, as fire-alarm equipment does).
    /// </summary>
    public static MqttParseResult Parse(string topic, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt,
        TimeZoneInfo localZone, int maxPayloadBytes = DefaultMaxPayloadBytes)
    {
        if (!MqttTopic.TryParse(topic, out var t))
            return MqttParseResult.Refused(MqttRejectionReason.UnknownTopic, null,
                "topic must be fc/{deviceId}/telemetry, fc/{deviceId}/event or fc/{deviceId}/status.");
        if (payload.Length > maxPayloadBytes)
            return MqttParseResult.Refused(MqttRejectionReason.Oversize, null,
                $"payload is {payload.Length} bytes; at most {maxPayloadBytes} are accepted.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payload, JsonOptions);
        }
        catch (JsonException e)
        {
            return MqttParseResult.Refused(MqttRejectionReason.NotJson, null, $"payload is not JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind is not JsonValueKind.Object)
                return MqttParseResult.Refused(MqttRejectionReason.NotAnObject, null, "payload must be a JSON object.");
            var ctx = new Context(MqttTopic.DeviceKey(t.DeviceId), receivedAt);
            if (!ReadCommon(root, localZone, ref ctx, out var refused)) return refused!;
            return t.Kind switch
            {
                MqttTopicKind.Telemetry => Telemetry(root, ctx),
                MqttTopicKind.Event => Event(root, ctx),
                _ => Status(root, ctx),
            };
        }
    }

    private record struct Context(string DeviceKey, DateTimeOffset ReceivedAt)
    {
        public DateTimeOffset? Ts;
        public string? Id;
        public string? Component;
        public string? Text;

        public readonly string? EpochKey => Ts is { } ts ? ts.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : null;
    }

    private static bool ReadCommon(JsonElement root, TimeZoneInfo zone, ref Context ctx, out MqttParseResult? refused)
    {
        refused = null;
        if (root.TryGetProperty("ts", out var ts))
        {
            if (!TryTimestamp(ts, zone, out var at, out var why))
            {
                refused = MqttParseResult.Refused(MqttRejectionReason.BadTimestamp, "ts", why);
                return false;
            }
            // Stored as an instant: PostgreSQL takes UTC only, and the device's own offset says nothing more.
            ctx.Ts = at.ToUniversalTime();
        }
        if (!OptionalString(root, "id", MaxIdLength, out ctx.Id, out refused)) return false;
        if (!OptionalString(root, "component", MaxComponentLength, out ctx.Component, out refused)) return false;
        return OptionalString(root, "text", MaxTextLength, out ctx.Text, out refused);
    }

    private static MqttParseResult Telemetry(JsonElement root, Context ctx)
    {
        var hasValues = root.TryGetProperty("values", out var values);
        var hasMetric = root.TryGetProperty("metric", out var metric);
        if (hasValues == hasMetric)
            return hasValues
                ? MqttParseResult.Refused(MqttRejectionReason.WrongType, "values", "send either values or metric with value, not both.")
                : MqttParseResult.Refused(MqttRejectionReason.MissingField, "values",
                    "telemetry needs values (an object of metric: number) or metric with value.");
        var readings = new List<(string Metric, double Value)>();
        if (hasValues)
        {
            if (values.ValueKind is not JsonValueKind.Object)
                return MqttParseResult.Refused(MqttRejectionReason.WrongType, "values", "values must be an object of metric: number.");
            foreach (var p in values.EnumerateObject())
            {
                if (readings.Count == MaxValues)
                    return MqttParseResult.Refused(MqttRejectionReason.WrongType, "values", $"at most {MaxValues} values per message.");
                if (readings.Exists(r => r.Metric == p.Name))
                    return MqttParseResult.Refused(MqttRejectionReason.WrongType, $"values.{p.Name}", "a metric appears twice.");
                if (Reading(p.Name, p.Value, $"values.{p.Name}") is { } bad) return bad;
                readings.Add((p.Name, p.Value.GetDouble()));
            }
            if (readings.Count == 0)
                return MqttParseResult.Refused(MqttRejectionReason.MissingField, "values", "values is empty.");
        }
        else
        {
            if (metric.ValueKind is not JsonValueKind.String)
                return MqttParseResult.Refused(MqttRejectionReason.WrongType, "metric", "metric must be a string.");
            if (!root.TryGetProperty("value", out var value))
                return MqttParseResult.Refused(MqttRejectionReason.MissingField, "value", "metric needs its value.");
            var name = metric.GetString()!;
            if (Reading(name, value, "value") is { } bad) return bad;
            readings.Add((name, value.GetDouble()));
        }
        var messages = readings.ConvertAll(r => new DeviceMessage(ctx.DeviceKey, DeviceTransport.Mqtt, DeviceMessageKind.Telemetry,
            r.Metric, ctx.Component, r.Value, UnitOf(r.Metric), ctx.Text, ctx.Ts, ctx.ReceivedAt,
            ctx.Id is not null ? $"{ctx.Id}/{r.Metric}" : ctx.EpochKey is { } ms ? Join("t", ms, r.Metric, ctx.Component) : null));
        return new MqttParseResult(messages, null);
    }

    private static MqttParseResult? Reading(string metric, JsonElement value, string field)
    {
        if (!MetricPattern().IsMatch(metric))
            return MqttParseResult.Refused(MqttRejectionReason.UnknownType, field,
                "a metric name is 1–48 lower-case letters, digits or '_', starting with a letter, e.g. pressure_mpa.");
        if (value.ValueKind is not JsonValueKind.Number)
            return MqttParseResult.Refused(MqttRejectionReason.WrongType, field, "a value must be a JSON number.");
        // A number too large for a double reads as infinity; no rule can compare against it.
        if (!value.TryGetDouble(out var d) || !double.IsFinite(d))
            return MqttParseResult.Refused(MqttRejectionReason.NotFinite, field, "a value must be a finite number.");
        return null;
    }

    private static MqttParseResult Event(JsonElement root, Context ctx)
    {
        if (!RequiredType(root, EventTypes, out var type, out var refused)) return refused!;
        double? value = null;
        if (root.TryGetProperty("value", out var v))
        {
            if (Reading("value", v, "value") is { } bad) return bad;
            value = v.GetDouble();
        }
        var id = ctx.Id ?? (ctx.EpochKey is { } ms ? Join("e", ms, type, ctx.Component) : null);
        return One(ctx, DeviceMessageKind.Event, type, value, id);
    }

    private static MqttParseResult Status(JsonElement root, Context ctx)
    {
        string type;
        if (root.TryGetProperty("type", out _))
        {
            if (!RequiredType(root, StatusTypes, out type, out var refused)) return refused!;
        }
        else if (!root.TryGetProperty("online", out var online))
            return MqttParseResult.Refused(MqttRejectionReason.MissingField, "online", "status needs online (true or false) or a type.");
        else if (online.ValueKind is JsonValueKind.True or JsonValueKind.False)
            type = online.GetBoolean() ? "online" : "offline";
        else
            return MqttParseResult.Refused(MqttRejectionReason.WrongType, "online", "online must be true or false.");
        var id = ctx.Id ?? (ctx.EpochKey is { } ms ? Join("s", ms, type, null) : null);
        return One(ctx, DeviceMessageKind.Status, type, null, id);
    }

    private static MqttParseResult One(Context ctx, DeviceMessageKind kind, string type, double? value, string? id) =>
        new([new DeviceMessage(ctx.DeviceKey, DeviceTransport.Mqtt, kind, type, ctx.Component, value, null, ctx.Text,
            ctx.Ts, ctx.ReceivedAt, id)], null);

    private static bool RequiredType(JsonElement root, IReadOnlySet<string> known, out string type, out MqttParseResult? refused)
    {
        type = "";
        refused = null;
        if (!root.TryGetProperty("type", out var t))
            refused = MqttParseResult.Refused(MqttRejectionReason.MissingField, "type", "type is required.");
        else if (t.ValueKind is not JsonValueKind.String)
            refused = MqttParseResult.Refused(MqttRejectionReason.WrongType, "type", "type must be a string.");
        else if (!known.Contains(type = t.GetString()!))
            refused = MqttParseResult.Refused(MqttRejectionReason.UnknownType, "type",
                $"type must be one of {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        return refused is null;
    }

    private static bool OptionalString(JsonElement root, string name, int maxLength, out string? value, out MqttParseResult? refused)
    {
        value = null;
        refused = null;
        if (!root.TryGetProperty(name, out var e) || e.ValueKind is JsonValueKind.Null) return true;
        if (e.ValueKind is not JsonValueKind.String)
            refused = MqttParseResult.Refused(MqttRejectionReason.WrongType, name, $"{name} must be a string.");
        else if ((value = e.GetString()!).Length is 0 || value.Length > maxLength)
            refused = MqttParseResult.Refused(MqttRejectionReason.WrongType, name, $"{name} must be 1–{maxLength} characters.");
        else if (value.Any(char.IsControl))
            refused = MqttParseResult.Refused(MqttRejectionReason.WrongType, name, $"{name} must not contain control characters.");
        if (refused is not null) value = null;
        return refused is null;
    }

    /// <summary>ISO-8601 (an offset, or none for the local zone) or integer epoch milliseconds in 2000–2100.</summary>
    internal static bool TryTimestamp(JsonElement ts, TimeZoneInfo zone, out DateTimeOffset at, out string why)
    {
        at = default;
        why = "ts must be an ISO-8601 time (2026-12-03T08:15:00+08:00) or epoch milliseconds.";
        switch (ts.ValueKind)
        {
            case JsonValueKind.Number:
                if (!ts.TryGetInt64(out var ms)) return false;
                if (ms is < MinEpochMs or >= MaxEpochMs)
                {
                    why = "ts in epoch milliseconds must lie between 2000 and 2100 (seconds are not accepted).";
                    return false;
                }
                at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                return true;
            case JsonValueKind.String:
                var s = ts.GetString()!;
                var m = IsoPattern().Match(s);
                if (!m.Success) return false;
                if (m.Groups["zone"].Success)
                    return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
                if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
                // A local time that the clock skipped (a DST jump) did not happen.
                if (zone.IsInvalidTime(local))
                {
                    why = "ts names a local time that does not exist in the corps' time zone.";
                    return false;
                }
                at = new DateTimeOffset(local, zone.GetUtcOffset(local));
                return true;
            default:
                return false;
        }
    }

    private static string? UnitOf(string metric)
    {
        foreach (var (suffix, unit) in Units)
            if (metric.EndsWith(suffix, StringComparison.Ordinal)) return unit;
        return null;
    }

    private static string Join(string kind, string ms, string type, string? component) =>
        component is null ? $"{kind}/{ms}/{type}" : $"{kind}/{ms}/{type}/{component}";
}
