using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FireCommand.Web.Tests.Map;

/// <summary>
/// Every UI text exists in both languages: each zh-CN bundle in wwwroot/i18n has an English twin
/// with exactly the same keys, and no text is empty in either.
/// </summary>
public sealed class ResourceBundleTests
{
    private static string BundleDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "FireCommand.Web", "wwwroot", "i18n"));

    public static TheoryData<string> ChineseBundles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(BundleDirectory(), "*zh-CN.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    /// <summary>Leaf keys ("map.attribution") with their text.</summary>
    private static Dictionary<string, string> Flatten(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(BundleDirectory(), file)));
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement e, string prefix)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject()) Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}");
            else leaves[prefix] = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
        }
        Walk(document.RootElement, "");
        return leaves;
    }

    [Fact]
    public void EveryBundlePairIsFound()
    {
        var chinese = Directory.GetFiles(BundleDirectory(), "*zh-CN.json").Select(Path.GetFileName).ToList();
        Assert.Contains("zh-CN.json", chinese);
        Assert.True(chinese.Count >= 4, $"only {chinese.Count} zh-CN bundles found in {BundleDirectory()}");
        foreach (var file in Directory.GetFiles(BundleDirectory(), "*.json").Select(Path.GetFileName))
            Assert.True(file!.EndsWith("zh-CN.json", StringComparison.Ordinal) || file.EndsWith("en.json", StringComparison.Ordinal),
                $"{file} is neither a zh-CN nor an en bundle");
    }

    [Theory]
    [MemberData(nameof(ChineseBundles))]
    public void EnglishTwin_HasTheSameKeys_AndNoEmptyText(string chineseFile)
    {
        var englishFile = chineseFile[..^"zh-CN.json".Length] + "en.json";
        Assert.True(File.Exists(Path.Combine(BundleDirectory(), englishFile)), $"{englishFile} is missing");
        var zh = Flatten(chineseFile);
        var en = Flatten(englishFile);

        var onlyZh = zh.Keys.Except(en.Keys).Order(StringComparer.Ordinal).ToList();
        var onlyEn = en.Keys.Except(zh.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(onlyZh.Count == 0, $"{englishFile} lacks: {string.Join(", ", onlyZh)}");
        Assert.True(onlyEn.Count == 0, $"{chineseFile} lacks: {string.Join(", ", onlyEn)}");
        var empty = zh.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{chineseFile}:{p.Key}")
            .Concat(en.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{englishFile}:{p.Key}")).ToList();
        Assert.True(empty.Count == 0, $"empty texts: {string.Join(", ", empty)}");
    }
}
