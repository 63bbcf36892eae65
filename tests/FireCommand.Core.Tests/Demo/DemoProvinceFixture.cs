using FireCommand.Core.Demo;

namespace FireCommand.Core.Tests.Demo;

/// <summary>Generates the provinces the demo tests inspect once per test run; generation takes about a second each.</summary>
public sealed class DemoProvinceFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Seeds whose provinces every structural test checks; they differ in city count and terrain.</summary>
    public static readonly int[] Seeds = [1, 2, 7];

    private readonly Dictionary<int, Lazy<DemoProvince>> _provinces =
        Seeds.ToDictionary(s => s, s => new Lazy<DemoProvince>(() => DemoProvinceGenerator.Generate(s, Now)));

    public DemoProvince Get(int seed) => _provinces[seed].Value;
}

[CollectionDefinition(Name)]
public sealed class DemoProvinceCollection : ICollectionFixture<DemoProvinceFixture>
{
    public const string Name = "Demo province";
}
