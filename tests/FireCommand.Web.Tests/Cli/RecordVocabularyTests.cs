using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FireCommand.Core.Map.Province.Inputs;

namespace FireCommand.Web.Tests.Cli;

/// <summary>The values a record file and its template use are the names the screens show, in both languages,
/// for every value of each enumeration.</summary>
public sealed class RecordVocabularyTests
{
    private static JsonNode Bundle(string file, [CallerFilePath] string thisFile = "") => JsonNode.Parse(File.ReadAllText(
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "FireCommand.Web", "wwwroot", "i18n", file)))!;

    [Fact]
    public void Vocabulary_MatchesTheUiResourceFiles()
    {
        var zh = Bundle("zh-CN.json");
        var en = Bundle("en.json");
        Check(RecordVocabulary.StationKinds, "stationKind");
        Check(RecordVocabulary.ApparatusTypes, "apparatusType");
        Check(RecordVocabulary.WaterSourceKinds, "waterSourceKind");
        Check(RecordVocabulary.KeyPlaceCategories.Select(c => (c.Value, c.Chinese, c.English)).ToList(), "keyPlaceCategory",
            except: FireCommand.Core.Resources.KeyPlaceCategory.None);

        void Check<T>(IReadOnlyList<(T Value, string Chinese, string English)> names, string section, T? except = null) where T : struct, Enum
        {
            Assert.Equal(Enum.GetValues<T>().Where(v => !v.Equals(except)).Order(), names.Select(n => n.Value).Order());
            foreach (var (value, chinese, english) in names)
            {
                Assert.Equal(zh[section]![value.ToString()]!.GetValue<string>(), chinese);
                Assert.Equal(en[section]![value.ToString()]!.GetValue<string>(), english);
            }
        }
    }
}
