namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// One reason a decision gives, readable by a dispatcher: a stable machine <see cref="Code"/> (for
/// the UI to restyle or translate, and for the audit record) plus the sentence already written in
/// Chinese, the default UI language, and in English. Immutable.
/// </summary>
/// <param name="Code">Stable identifier such as <c>"slot-filled"</c>; never localised.</param>
/// <param name="Chinese">The sentence in Simplified Chinese.</param>
/// <param name="English">The same sentence in English.</param>
public sealed record DecisionReason(string Code, string Chinese, string English)
{
    /// <inheritdoc/>
    public override string ToString() => $"[{Code}] {Chinese} / {English}";
}

/// <summary>Number formatting shared by the reason texts (invariant culture, whole seconds).</summary>
internal static class ReasonText
{
    public static string Seconds(double seconds) =>
        Math.Round(seconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0") =>
        value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"4分12秒" style duration for Chinese text.</summary>
    public static string ChineseDuration(double seconds)
    {
        var s = (int)Math.Round(seconds);
        return s >= 60 ? $"{s / 60}分{s % 60}秒" : $"{s}秒";
    }

    /// <summary>"4 min 12 s" style duration for English text.</summary>
    public static string EnglishDuration(double seconds)
    {
        var s = (int)Math.Round(seconds);
        return s >= 60 ? $"{s / 60} min {s % 60} s" : $"{s} s";
    }
}
