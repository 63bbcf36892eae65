using System.Globalization;

namespace FireCommand.Web.Cli;

/// <summary>
/// The arguments of one verb: positionals and <c>--name value</c> options. A dozen options across six
/// verbs do not justify a parser framework; this keeps error text and output streams fully ours.
/// Immutable after parsing.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _repeated = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Value)> _inOrder = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    // Switches take no value: `--json` is short for `--format json`.
    private static readonly Dictionary<string, (string Option, string Value)> Switches = new(StringComparer.Ordinal)
    {
        ["json"] = ("format", "json"),
        ["skip-bad-rows"] = ("skip-bad-rows", "yes"),
        ["adu"] = ("adu", "yes"),
    };

    public static CliArguments Parse(string[] args)
    {
        var parsed = new CliArguments();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                string name = args[i][2..];
                if (Switches.TryGetValue(name, out var sw))
                {
                    if (!parsed._options.TryAdd(sw.Option, sw.Value)) throw new CliUsageException($"option --{sw.Option} given twice.");
                    continue;
                }
                if (i + 1 >= args.Length) throw new CliUsageException($"option --{name} needs a value.");
                // A repeat is an error only for options read as one value (Optional); options that describe
                // one input file each (see InOrder) may repeat.
                if (!parsed._options.TryAdd(name, args[++i])) parsed._repeated.Add(name);
                parsed._inOrder.Add((name, args[i]));
            }
            else parsed.Positionals.Add(args[i]);
        }
        return parsed;
    }

    /// <summary>Every option with its value, in command-line order, repeats included.</summary>
    public IReadOnlyList<(string Name, string Value)> InOrder => _inOrder;

    /// <summary>Marks options read through <see cref="InOrder"/> as known.</summary>
    public void MarkUsed(string name) => _used.Add(name);

    public string? Optional(string name)
    {
        if (_repeated.Contains(name)) throw new CliUsageException($"option --{name} given twice.");
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Required(string name) => Optional(name) ?? throw new CliUsageException($"option --{name} is required.");

    public double? OptionalDouble(string name) =>
        Optional(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0 ? v
        : throw new CliUsageException($"option --{name} must be a non-negative number, not '{text}'.");

    /// <summary>Rejects options the verb does not know, so a typo is not silently ignored.</summary>
    public void EnsureAllUsed(int maxPositionals)
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new CliUsageException($"unknown option --{unknown[0]}.");
        if (Positionals.Count > maxPositionals) throw new CliUsageException($"unexpected argument '{Positionals[maxPositionals]}'.");
    }
}
