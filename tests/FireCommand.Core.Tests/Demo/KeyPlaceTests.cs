using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class KeyPlaceTests(DemoProvinceFixture fixture)
{
    public static TheoryData<int> Seeds => new(DemoProvinceFixture.Seeds);

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_KeyPlaces_CoverEveryCategory(int seed)
    {
        var places = fixture.Get(seed).KeyPlaces;

        Assert.InRange(places.Count, 300, 700);
        foreach (var category in Enum.GetValues<KeyPlaceCategory>().Where(c => c != KeyPlaceCategory.None))
            Assert.Contains(places, k => k.Categories.HasFlag(category));
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_HighRises_AreTallerThanTheCodeThreshold(int seed)
    {
        // GB 50016: residential over 27 m, public buildings over 24 m.
        Assert.All(fixture.Get(seed).KeyPlaces.Where(k => k.Categories.HasFlag(KeyPlaceCategory.HighRise)), k =>
        {
            Assert.True(k.HeightMeters > 24, k.Name);
            Assert.True(k.Floors > 0, k.Name);
        });
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Generate_KeyPlaces_HaveContactsAndOccupants(int seed)
    {
        Assert.All(fixture.Get(seed).KeyPlaces, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.Address), k.Name);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", k.ResponsiblePerson!);
            Assert.Matches(@"^1[3-9]\d{9}$", k.Phone!);
            Assert.True(k.Occupants > 0, k.Name);
        });
    }
}
