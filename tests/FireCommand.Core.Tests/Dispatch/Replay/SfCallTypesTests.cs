using FireCommand.Core.Analytics;
using FireCommand.Core.Dispatch;
using FireCommand.Core.Dispatch.Decisions;
using FireCommand.Core.Dispatch.Replay;
using FireCommand.Core.Resources;

namespace FireCommand.Core.Tests.Dispatch.Replay;

public class SfCallTypesTests
{
    [Theory]
    [InlineData("Structure Fire", "Fire", IncidentType.Fire, null)]
    [InlineData("Outside Fire", "Fire", IncidentType.Fire, null)]
    [InlineData("Vehicle Fire", "Fire", IncidentType.Fire, null)]
    [InlineData("Alarms", "Alarm", IncidentType.Fire, IncidentSubtypes.AutomaticAlarm)]
    [InlineData("Medical Incident", "Potentially Life-Threatening", IncidentType.SocialAssistance, null)]
    [InlineData("Traffic Collision", "Alarm", IncidentType.Rescue, IncidentSubtypes.Traffic)]
    [InlineData("Water Rescue", "", IncidentType.Rescue, IncidentSubtypes.WaterRescue)]
    [InlineData("Elevator / Escalator Rescue", "Alarm", IncidentType.Rescue, IncidentSubtypes.Lift)]
    [InlineData("Gas Leak (Natural and LP Gases)", "Alarm", IncidentType.Rescue, IncidentSubtypes.HazmatLeak)]
    [InlineData("Citizen Assist / Service Call", "Alarm", IncidentType.SocialAssistance, null)]
    [InlineData("Assist Police", "Alarm", IncidentType.SocialAssistance, null)]
    public void KnownCallTypes_MapToOurIncidentTypes(string callType, string group, IncidentType type, string? subtype)
    {
        var mapping = SfCallTypes.Map(callType, group);
        Assert.Equal((type, subtype, true), (mapping.Type, mapping.Subtype, mapping.Known));
    }

    [Fact]
    public void MedicalCalls_AreSocialAssistance_ButJudgedAsEms()
    {
        Assert.Equal(ResponseClass.Ems, SfCallTypes.Map("Medical Incident", null).Class);
        Assert.Equal(ResponseClass.Fire, SfCallTypes.Map("Structure Fire", null).Class);
    }

    [Theory]
    [InlineData("Fire", IncidentType.Fire, ResponseClass.Fire)]
    [InlineData("Potentially Life-Threatening", IncidentType.SocialAssistance, ResponseClass.Ems)]
    [InlineData("Alarm", IncidentType.SocialAssistance, ResponseClass.Fire)]
    [InlineData("", IncidentType.SocialAssistance, ResponseClass.Fire)]
    public void UnknownCallTypes_FallBackOnTheGroup(string group, IncidentType type, ResponseClass cls)
    {
        var mapping = SfCallTypes.Map("Other", group);
        Assert.Equal((type, cls, false), (mapping.Type, mapping.Class, mapping.Known));
    }

    [Theory]
    [InlineData("ENGINE", ApparatusType.MainPumper, true)]
    [InlineData("TRUCK", ApparatusType.Ladder, false)]
    [InlineData("RESCUE SQUAD", ApparatusType.Rescue, false)]
    [InlineData("CHIEF", ApparatusType.Command, false)]
    [InlineData("MEDIC", null, false)]
    [InlineData("PRIVATE", null, false)]
    public void UnitTypes_MapToOurApparatus_WhereWeHaveOne(string unitType, ApparatusType? apparatus, bool engine) =>
        Assert.Equal((apparatus, engine), SfCallTypes.MapUnit(unitType));
}
