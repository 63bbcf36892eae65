using System.Text.Json;
using System.Text.Json.Nodes;

namespace FireCommand.Core.Tests.Sensing.Gb26875;

/// <summary>The worked examples of the standard in ../shared/data/gb26875/reference-frames.json.</summary>
internal static class ReferenceFrames
{
    public const string File = "gb26875/reference-frames.json";

    public static string? PathIfPresent
    {
        get
        {
            var path = Path.Combine(FireCommand.Tests.SharedDataFiles.Root, File);
            return System.IO.File.Exists(path) ? path : null;
        }
    }

    /// <summary>The entries by name; skips (or fails under FIRECOMMAND_REQUIRE_ALL=1) when the file is missing.</summary>
    public static JsonObject Get(string name)
    {
        var path = FireCommand.Tests.SharedDataFiles.Require(File);
        var all = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsArray();
        return all.Single(e => (string?)e!["name"] == name)!.AsObject();
    }

    /// <summary>Entry names for a theory; one placeholder row when the file is missing, so the test skips visibly.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        if (PathIfPresent is not { } path)
        {
            data.Add("(reference file missing)");
            return data;
        }
        foreach (var e in JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsArray()) data.Add((string)e!["name"]!);
        return data;
    }

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static JsonNode Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) write(writer);
        return JsonNode.Parse(stream.ToArray())!;
    }
}
