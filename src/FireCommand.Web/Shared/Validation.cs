using FireCommand.Core.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FireCommand.Web.Shared;

/// <summary>
/// Collects field errors for a request; <see cref="Problem"/> turns them into a ProblemDetails whose
/// <c>errors</c> name each field at fault (camelCase, as the client sent it).
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>
    /// A text the user must give. Every text is checked here, so no endpoint stores control
    /// characters (NUL, BEL, ESC…) or bidirectional overrides (U+202E…), which corrupt exports and
    /// make a name read differently on screen than it is stored; line breaks and tabs only where
    /// <paramref name="multiLine"/> (descriptions, outcomes).
    /// </summary>
    public Validation Required(string field, string? value, int maxLength, bool multiLine = false) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"{field} is required.")
        : value.Length > maxLength ? Add(field, $"{field} must be at most {maxLength} characters.")
        : Printable(field, value, multiLine);

    /// <summary>A text the user may leave out; checked like <see cref="Required"/> when given.</summary>
    public Validation Optional(string field, string? value, int maxLength, bool multiLine = false) =>
        value is null ? this
        : value.Length > maxLength ? Add(field, $"{field} must be at most {maxLength} characters.")
        : Printable(field, value, multiLine);

    private Validation Printable(string field, string value, bool multiLine)
    {
        foreach (var c in value)
        {
            if (multiLine && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c) || IsBidiControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                return Add(field, $"{field} contains a control character (U+{(int)c:X4}); " +
                                  (multiLine ? "only line breaks and tabs are allowed." : "it must be a single line of plain text."));
        }
        return this;
    }

    // Unicode's bidirectional formatting characters (UAX #9): embeddings, overrides, isolates, marks.
    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public Validation Range(string field, double? value, double min, double max) =>
        value is null ? Add(field, $"{field} is required.")
        : !double.IsFinite(value.Value) || value < min || value > max ? Add(field, $"{field} must be between {min} and {max}.")
        : this;

    public Validation OptionalRange(string field, double? value, double min, double max) =>
        value is null ? this : Range(field, value, min, max);

    public Validation Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum =>
        value is null ? Add(field, $"{field} is required.")
        : !Enum.IsDefined(value.Value) ? Add(field, $"{field} has an unknown value {value}.")
        : this;

    public Validation Location(string prefix, double? latitude, double? longitude)
    {
        Range(prefix + "latitude", latitude, -90, 90);
        Range(prefix + "longitude", longitude, -180, 180);
        return this;
    }

    public Validation When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "The request has invalid fields");

    /// <summary>True when the coordinates pass <see cref="Geography.IsValid"/>.</summary>
    public static bool IsOnGlobe(double? lat, double? lon) =>
        lat is not null && lon is not null && Geography.IsValid(lat.Value, lon.Value);
}
