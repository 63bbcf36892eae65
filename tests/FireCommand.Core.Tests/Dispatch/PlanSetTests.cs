using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Dispatch;

public class PlanSetTests
{
    [Fact]
    public void Default_LoadsFromTheEmbeddedFile_AndCoversEveryTypeLevelAndPlace()
    {
        var set = PlanSet.Default;
        foreach (var type in new[] { IncidentType.Fire, IncidentType.Rescue, IncidentType.SocialAssistance, IncidentType.SecurityDuty })
            for (int level = 1; level <= 5; level++)
                Assert.Contains(set.Plans, p => p.Key.Type == type && p.Key.Level == level && p.Key.Place is null && p.Key.Subtype is null);
        foreach (var place in new[] { KeyPlaceCategory.HighRise, KeyPlaceCategory.Underground, KeyPlaceCategory.LargeComplex, KeyPlaceCategory.Petrochemical })
            Assert.Contains(set.Plans, p => p.Key.Type == IncidentType.Fire && p.Key.Place == place);
        foreach (var subtype in new[] { IncidentSubtypes.Traffic, IncidentSubtypes.Collapse, IncidentSubtypes.HazmatLeak, IncidentSubtypes.WaterRescue, IncidentSubtypes.Lift })
            Assert.Contains(set.Plans, p => p.Key.Type == IncidentType.Rescue && p.Key.Subtype == subtype);
    }

    [Fact]
    public void Default_AsksForWhatEachSpecialPlaceNeeds()
    {
        bool Has(KeyPlaceCategory place, UnitCapability capability) => PlanSet.Default.Plans
            .Where(p => p.Key.Type == IncidentType.Fire && p.Key.Place == place)
            .SelectMany(p => p.Slots).Any(s => s.Requirement.Capabilities.HasFlag(capability));
        Assert.True(Has(KeyPlaceCategory.HighRise, UnitCapability.Aerial));
        Assert.True(Has(KeyPlaceCategory.Underground, UnitCapability.SmokeExtraction));
        Assert.True(Has(KeyPlaceCategory.Underground, UnitCapability.AirSupply));
        Assert.True(Has(KeyPlaceCategory.Petrochemical, UnitCapability.Foam));
        Assert.True(Has(KeyPlaceCategory.Petrochemical, UnitCapability.Decontamination));
        Assert.True(Has(KeyPlaceCategory.Petrochemical, UnitCapability.WaterRelay));
    }

    [Fact]
    public void ToJson_RoundTripsThroughLoad()
    {
        var again = PlanSet.Load(PlanSet.Default.ToJson());
        Assert.True(again.IsValid, string.Join("; ", again.Errors));
        Assert.Equal(PlanSet.Default.Plans.Count, again.PlanSet!.Plans.Count);
        Assert.Equal(PlanSet.Default.ToJson(), again.PlanSet.ToJson());
    }

    [Theory]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"Wings","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownCapability, "plans[0].slots[0].capability")]
    [InlineData("""{"plans":[{"type":"Fire","level":6,"slots":[{"capability":"Water","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.LevelOutOfRange, "plans[0].level")]
    [InlineData("""{"plans":[{"type":"Fire","level":0,"slots":[{"capability":"Water","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.LevelOutOfRange, "plans[0].level")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"Water","count":-2,"zh":"x","en":"x"}]}]}""", PlanErrorKind.CountOutOfRange, "plans[0].slots[0].count")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"Water","count":0,"zh":"x","en":"x"}]}]}""", PlanErrorKind.CountOutOfRange, "plans[0].slots[0].count")]
    [InlineData("""{"plans":[{"type":"Flood","level":1,"slots":[{"capability":"Water","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownIncidentType, "plans[0].type")]
    [InlineData("""{"plans":[{"type":"FalseAlarm","level":1,"slots":[{"capability":"Water","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownIncidentType, "plans[0].type")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"place":"Castle","slots":[{"capability":"Water","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownPlaceCategory, "plans[0].place")]
    [InlineData("""{"plans":[{"type":"Rescue","subtype":"meteor","level":1,"slots":[{"capability":"Rescue","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownSubtype, "plans[0].subtype")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"Water","apparatus":"Submarine","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownApparatus, "plans[0].slots[0].apparatus")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"Water","count":1,"en":"x"}]}]}""", PlanErrorKind.MissingField, "plans[0].slots[0].zh")]
    [InlineData("""{"plans":[{"type":"Fire","levle":1,"level":1,"slots":[{"capability":"Water","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownField, "plans[0].levle")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.EmptyRequirement, "plans[0].slots[0]")]
    [InlineData("""{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"5","count":1,"zh":"x","en":"x"}]}]}""", PlanErrorKind.UnknownCapability, "plans[0].slots[0].capability")]
    [InlineData("""{"plans": 3}""", PlanErrorKind.InvalidJson, "$.plans")]
    [InlineData("""{"plans": [""", PlanErrorKind.InvalidJson, "$")]
    public void Load_WhenAValueIsBad_ReturnsATypedErrorAtItsPath(string json, PlanErrorKind kind, string path)
    {
        var result = PlanSet.Load(json);
        Assert.False(result.IsValid);
        Assert.Null(result.PlanSet);
        Assert.Contains(result.Errors, e => e.Kind == kind && e.Path == path);
    }

    [Fact]
    public void Load_WhenTwoRowsShareAKey_ReportsTheDuplicate()
    {
        const string json = """
            {"plans":[
              {"type":"Fire","level":1,"slots":[{"capability":"Water","count":2,"zh":"x","en":"x"}]},
              {"type":"fire","level":1,"slots":[{"capability":"Rescue","count":1,"zh":"x","en":"x"}]}]}
            """;
        var result = PlanSet.Load(json);
        Assert.Contains(result.Errors, e => e.Kind == PlanErrorKind.DuplicateKey && e.Path == "plans[1]");
    }

    [Fact]
    public void Load_ReportsEveryErrorNotJustTheFirst()
    {
        const string json = """{"plans":[{"type":"Fire","level":9,"slots":[{"capability":"Nope","count":-1,"zh":"x","en":"x"}]}]}""";
        var kinds = PlanSet.Load(json).Errors.Select(e => e.Kind).ToHashSet();
        Assert.Equal(new HashSet<PlanErrorKind> { PlanErrorKind.LevelOutOfRange, PlanErrorKind.UnknownCapability, PlanErrorKind.CountOutOfRange }, kinds);
    }

    [Fact]
    public void Load_AcceptsCombinedCapabilitiesAndApparatus_CaseInsensitively()
    {
        const string json = """{"plans":[{"type":"fire","level":2,"place":"petrochemical","slots":[{"capability":"aerial, FOAM","apparatus":"elevatingjet","count":1,"zh":"举高喷射","en":"Elevating jet"}]}]}""";
        var result = PlanSet.Load(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var slot = result.PlanSet!.Plans.Single().Slots.Single();
        Assert.Equal(UnitCapability.Aerial | UnitCapability.Foam, slot.Requirement.Capabilities);
        Assert.Equal(ApparatusSet.Of(ApparatusType.ElevatingJet), slot.Requirement.Apparatus);
        Assert.Equal(KeyPlaceCategory.Petrochemical, result.PlanSet.Plans.Single().Key.Place);
    }

    [Fact]
    public void Create_ValidatesRowsBuiltInCode()
    {
        var bad = new ResponsePlan(new ResponsePlanKey(IncidentType.Fire, 7), [new PlanSlot(new SlotRequirement(UnitCapability.Water), -1, "x", "x")]);
        var result = PlanSet.Create([bad]);
        Assert.Contains(result.Errors, e => e.Kind == PlanErrorKind.LevelOutOfRange);
        Assert.Contains(result.Errors, e => e.Kind == PlanErrorKind.CountOutOfRange);
    }

    [Fact]
    public void Load_AcceptsAListOfApparatusTypes_AnyOfWhichFillsTheSlot()
    {
        const string json = """{"plans":[{"type":"Fire","level":1,"slots":[{"capability":"Water","apparatus":"WaterTender, MainPumper","count":2,"zh":"水罐/主战","en":"Tender / pumper"}]}]}""";
        var requirement = PlanSet.Load(json).PlanSet!.Plans.Single().Slots.Single().Requirement;
        Assert.True(requirement.IsMetBy(UnitCapability.Water, ApparatusType.WaterTender));
        Assert.True(requirement.IsMetBy(UnitCapability.Water | UnitCapability.Rescue, ApparatusType.MainPumper));
        Assert.False(requirement.IsMetBy(UnitCapability.Water | UnitCapability.Aerial, ApparatusType.AerialPlatform));
        Assert.Equal(new SlotRequirement(UnitCapability.Water, ApparatusSet.Of(ApparatusType.MainPumper, ApparatusType.WaterTender)), requirement);
    }

    [Fact]
    public void Default_WaterSlots_AreFilledByTendersPumpersAndFoamTenders_NotByAerialsOrMotorcycles()
    {
        var water = PlanExpansion.Expand(PlanSet.Default, IncidentType.Fire, 1, KeyPlaceCategory.None).Single().Requirement;
        Assert.True(water.IsMetBy(UnitCapability.Water, ApparatusType.WaterTender));
        Assert.True(water.IsMetBy(UnitCapability.Water | UnitCapability.Foam | UnitCapability.Rescue, ApparatusType.MainPumper));
        Assert.True(water.IsMetBy(UnitCapability.Water | UnitCapability.Foam, ApparatusType.Foam));
        Assert.False(water.IsMetBy(UnitCapability.Water | UnitCapability.Aerial, ApparatusType.AerialPlatform));
        Assert.False(water.IsMetBy(UnitCapability.Water | UnitCapability.Foam, ApparatusType.Motorcycle));
        Assert.False(water.IsMetBy(UnitCapability.Water | UnitCapability.WaterRelay, ApparatusType.LongDistanceWaterSupply));
    }
}
