using FireCommand.Core.Dispatch.Simulation;

namespace FireCommand.Core.Tests.Dispatch.Simulation;

public class SimulatedClosingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MayClose_AnIncidentOnlyTheSimulationWorked_TwoMinutesAfterItsLastUnitCleared()
    {
        Assert.True(SimulatedClosing.MayClose("system", ["system", "system"], Now.AddMinutes(-2), Now));
    }

    [Fact]
    public void MayNotClose_RightAfterTheLastUnitCleared()
    {
        Assert.False(SimulatedClosing.MayClose("system", ["system"], Now.AddSeconds(-1), Now));
        Assert.False(SimulatedClosing.MayClose("system", ["system"], null, Now));
    }

    [Theory]
    [InlineData("dispatcher1")] // took a call, sent a unit, escalated or edited it
    [InlineData("System")]
    public void MayNotClose_AnIncidentAPersonActedOn(string person)
    {
        Assert.False(SimulatedClosing.MayClose("system", ["system", person], Now.AddHours(-1), Now));
    }
}
