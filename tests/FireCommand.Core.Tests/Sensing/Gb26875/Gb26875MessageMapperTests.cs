using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Core.Tests.Sensing.Gb26875;

/// <summary>Frames become the contract's messages: keys, components, types, local times and idempotent ids.</summary>
public sealed class Gb26875MessageMapperTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Received = new(2012, 9, 26, 1, 58, 40, TimeSpan.Zero);

    private static Gb26875Frame Frame(string hex) => Gb26875FrameCodec.Decode(ReferenceFrames.Bytes(hex)).Frame!;

    private const string FireAlarm =
        "40 40 01 00 01 01 20 3A 09 1A 09 0C 79 03 00 00 00 00 38 5B 01 00 00 00 30 00 02 02 01 01 01 28 0A 00 02 00 02 00 " +
        "20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 00 02 3A 09 1A 09 0C 46 23 23";

    [Fact]
    public void SmokeDetectorFire_IsOneFireEventAtItsComponent_InBeijingTime()
    {
        var m = Assert.Single(Gb26875MessageMapper.Map(Frame(FireAlarm), Beijing, Received));

        Assert.Equal("gb26875:000000000379", m.DeviceKey); // 889
        Assert.Equal((DeviceTransport.Gb26875, DeviceMessageKind.Event, "fire"), (m.Transport, m.Kind, m.Type));
        Assert.Equal("1-1/40-1002", m.Component); // smoke detector (40), zone 10, point 2
        Assert.Equal(new DateTimeOffset(2012, 9, 26, 9, 58, 2, TimeSpan.FromHours(8)), m.DeviceTime);
        Assert.Equal(TimeSpan.FromHours(8), m.DeviceTime!.Value.Offset);
        Assert.Null(m.Text); // 30 spaces and a NUL
        Assert.Equal(Received, m.ReceivedAt);
    }

    [Fact]
    public void Retransmission_WithANewTimeLabel_KeepsTheMessageId()
    {
        var first = Frame(FireAlarm);
        var again = first with { TimeLabel = first.TimeLabel with { Second = 45 } };

        Assert.Equal(Gb26875MessageMapper.Map(first, Beijing, Received)[0].MessageId, Gb26875MessageMapper.Map(again, Beijing, Received)[0].MessageId);
    }

    [Fact]
    public void SameSerial_WithOtherContent_IsAnotherMessage()
    {
        // A device that restarted its serials sends a new alarm under an old number.
        var first = Frame(FireAlarm);
        var state = (Gb26875ComponentState)first.Adu!.Objects[0];
        var later = first with { Adu = Gb26875Adu.Of(2, state with { Time = state.Time with { Minute = 59 } }) };

        Assert.NotEqual(Gb26875MessageMapper.Map(first, Beijing, Received)[0].MessageId, Gb26875MessageMapper.Map(later, Beijing, Received)[0].MessageId);
    }

    [Fact]
    public void TwoObjects_GetTwoIds()
    {
        var first = Frame(FireAlarm);
        var state = (Gb26875ComponentState)first.Adu!.Objects[0];
        var two = first with { Adu = Gb26875Adu.Of(2, state, state with { ComponentAddress = Gb26875ComponentAddress.Of(10, 3) }) };

        var messages = Gb26875MessageMapper.Map(two, Beijing, Received);
        Assert.Equal(["1-1/40-1002", "1-1/40-1003"], messages.Select(m => m.Component));
        Assert.Equal(2, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public void DeviceMainsFault_IsAStatus()
    {
        var m = Assert.Single(Gb26875MessageMapper.Map(Frame(
            "40 40 01 00 01 01 20 3A 09 1A 09 0C 79 03 00 00 00 00 38 5B 01 00 00 00 09 00 02 15 01 08 02 3A 09 1A 09 0C 42 23 23"), Beijing, Received));
        Assert.Equal((DeviceMessageKind.Status, "mains_fault", (string?)null), (m.Kind, m.Type, m.Component));
    }

    [Theory]
    [InlineData(23, 0x0002, "manual_call_point")]
    [InlineData(95, 0x0020, "pump_start")]
    [InlineData(96, 0x0040, "water_flow")]
    [InlineData(40, 0x0004, "fault")]
    [InlineData(40, 0x0100, "fault")]
    [InlineData(40, 0x0008, "shielded")]
    [InlineData(40, 0x0001, "normal")]
    public void ComponentState_MapsToTheContractsEventType(byte componentType, ushort status, string type)
    {
        var frame = Frame(FireAlarm);
        var state = (Gb26875ComponentState)frame.Adu!.Objects[0];
        var m = Assert.Single(Gb26875MessageMapper.Map(
            frame with { Adu = Gb26875Adu.Of(2, state with { ComponentType = componentType, Status = status }) }, Beijing, Received));
        Assert.Equal(type, m.Type);
    }

    [Fact]
    public void PressureAnalog_IsTelemetryInMpa()
    {
        var frame = Frame(FireAlarm) with
        {
            Adu = Gb26875Adu.Of(3, new Gb26875ComponentAnalog(11, 1, 99, Gb26875ComponentAddress.Of(3, 7), 4, 3, new Gb26875Time(0, 0, 8, 1, 12, 26))),
        };
        var m = Assert.Single(Gb26875MessageMapper.Map(frame, Beijing, Received));
        Assert.Equal((DeviceMessageKind.Telemetry, "pressure_mpa", 0.3, "MPa", "11-1/99-0307"), (m.Kind, m.Type, m.Value, m.Unit, m.Component));
    }

    [Fact]
    public void Heartbeat_AndDownstreamFrames_GiveNoMessages()
    {
        var frame = Frame(FireAlarm);
        Assert.Empty(Gb26875MessageMapper.Map(frame with { Adu = null }, Beijing, Received));
        Assert.Empty(Gb26875MessageMapper.Map(frame with { Command = Gb26875Command.Request }, Beijing, Received));
    }
}
