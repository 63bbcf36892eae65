using System.Buffers;
using System.Text;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Mqtt;

namespace FireCommand.Core.Tests.Sensing.Mqtt;

public class MqttPayloadParserTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static MqttParseResult Parse(string topic, string json, int max = MqttPayloadParser.DefaultMaxPayloadBytes) =>
        MqttPayloadParser.Parse(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), Received, Shanghai, max);

    [Fact]
    public void Telemetry_WithSeveralValues_BecomesOneMessagePerMetric()
    {
        var r = Parse("fc/hyd-0001/telemetry",
            """{"ts":"2026-12-03T08:15:00+08:00","values":{"pressure_mpa":0.32,"level_m":2.5},"component":"riser-2"}""");

        Assert.True(r.IsAccepted);
        var at = new DateTimeOffset(2026, 12, 3, 0, 15, 0, TimeSpan.Zero);
        Assert.Equal(
        [
            new DeviceMessage("mqtt:hyd-0001", DeviceTransport.Mqtt, DeviceMessageKind.Telemetry, "pressure_mpa", "riser-2", 0.32,
                "MPa", null, at, Received, "t/1796256900000/pressure_mpa/riser-2"),
            new DeviceMessage("mqtt:hyd-0001", DeviceTransport.Mqtt, DeviceMessageKind.Telemetry, "level_m", "riser-2", 2.5,
                "m", null, at, Received, "t/1796256900000/level_m/riser-2"),
        ], r.Messages);
    }

    [Fact]
    public void Telemetry_SingleMetricWithEpochMillisAndId_UsesThePayloadId()
    {
        var r = Parse("fc/gas.7/telemetry", """{"ts":1796256900000,"metric":"gas_lel_percent","value":12,"id":"m-77"}""");

        var m = Assert.Single(r.Messages);
        Assert.Equal(("gas_lel_percent", 12.0, "%LEL", "m-77/gas_lel_percent"), (m.Type, m.Value!.Value, m.Unit, m.MessageId));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 15, 0, TimeSpan.Zero), m.DeviceTime);
    }

    [Fact]
    public void Timestamp_WithoutOffset_IsReadInTheCorpsZone()
    {
        var m = Assert.Single(Parse("fc/d1/telemetry", """{"ts":"2026-12-03 08:15:00","metric":"temperature_c","value":21.5}""").Messages);
        // 08:15 in Beijing is 00:15 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 0, 15, 0, TimeSpan.Zero), m.DeviceTime);
        Assert.Equal("°C", m.Unit);
    }

    [Fact]
    public void Telemetry_WithoutTimestampOrId_HasNoMessageId()
    {
        var m = Assert.Single(Parse("fc/d1/telemetry", """{"values":{"pressure_mpa":0.3}}""").Messages);
        Assert.Null(m.MessageId);
        Assert.Null(m.DeviceTime);
    }

    [Fact]
    public void Retransmission_OfTheSamePayload_GetsTheSameMessageId()
    {
        const string json = """{"ts":1796256900000,"type":"fire","component":"3F-smoke-12"}""";
        var first = Assert.Single(Parse("fc/fas-1/event", json).Messages).MessageId;
        var again = Assert.Single(Parse("fc/fas-1/event", json).Messages).MessageId;
        var other = Assert.Single(Parse("fc/fas-1/event", json.Replace("3F-smoke-12", "3F-smoke-13")).Messages).MessageId;
        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Event_CarriesTypeComponentAndText()
    {
        var m = Assert.Single(Parse("fc/fas-1/event",
            """{"ts":"2026-12-03T08:15:00Z","type":"fault","component":"loop-2","text":"回路2 开路","id":"e-9"}""").Messages);
        Assert.Equal(new DeviceMessage("mqtt:fas-1", DeviceTransport.Mqtt, DeviceMessageKind.Event, "fault", "loop-2", null, null,
            "回路2 开路", new DateTimeOffset(2026, 12, 3, 8, 15, 0, TimeSpan.Zero), Received, "e-9"), m);
    }

    [Theory]
    [InlineData("""{"online":false}""", "offline")]
    [InlineData("""{"online":true,"ts":1796256900000}""", "online")]
    [InlineData("""{"type":"battery_fault"}""", "battery_fault")]
    public void Status_GivesTheDeviceState(string json, string type)
    {
        var m = Assert.Single(Parse("fc/d1/status", json).Messages);
        Assert.Equal((DeviceMessageKind.Status, type, (string?)null), (m.Kind, m.Type, m.Component));
    }

    [Theory]
    [InlineData("fc/d1/telemetry", "not json", MqttRejectionReason.NotJson, null)]
    [InlineData("fc/d1/telemetry", """{"values":{"pressure_mpa":0.3}""", MqttRejectionReason.NotJson, null)]
    [InlineData("fc/d1/telemetry", """{"values":{"pressure_mpa":NaN}}""", MqttRejectionReason.NotJson, null)]
    [InlineData("fc/d1/telemetry", "[1,2]", MqttRejectionReason.NotAnObject, null)]
    [InlineData("fc/d1/telemetry", "0.32", MqttRejectionReason.NotAnObject, null)]
    [InlineData("fc/d1/telemetry", """{"ts":1796256900000}""", MqttRejectionReason.MissingField, "values")]
    [InlineData("fc/d1/telemetry", """{"values":{}}""", MqttRejectionReason.MissingField, "values")]
    [InlineData("fc/d1/telemetry", """{"values":{"pressure_mpa":"0.3"}}""", MqttRejectionReason.WrongType, "values.pressure_mpa")]
    [InlineData("fc/d1/telemetry", """{"values":{"pressure_mpa":1e400}}""", MqttRejectionReason.NotFinite, "values.pressure_mpa")]
    [InlineData("fc/d1/telemetry", """{"values":{"Pressure MPa":1}}""", MqttRejectionReason.UnknownType, "values.Pressure MPa")]
    [InlineData("fc/d1/telemetry", """{"values":{"a_m":1,"a_m":2}}""", MqttRejectionReason.WrongType, "values.a_m")]
    [InlineData("fc/d1/telemetry", """{"values":[0.3]}""", MqttRejectionReason.WrongType, "values")]
    [InlineData("fc/d1/telemetry", """{"metric":"level_m"}""", MqttRejectionReason.MissingField, "value")]
    [InlineData("fc/d1/telemetry", """{"metric":"level_m","value":true}""", MqttRejectionReason.WrongType, "value")]
    [InlineData("fc/d1/telemetry", """{"metric":"level_m","value":1,"values":{"level_m":1}}""", MqttRejectionReason.WrongType, "values")]
    [InlineData("fc/d1/telemetry", """{"ts":1796256900,"metric":"level_m","value":1}""", MqttRejectionReason.BadTimestamp, "ts")]
    [InlineData("fc/d1/telemetry", """{"ts":"yesterday","metric":"level_m","value":1}""", MqttRejectionReason.BadTimestamp, "ts")]
    [InlineData("fc/d1/telemetry", """{"ts":"2026-13-03T08:15:00Z","metric":"level_m","value":1}""", MqttRejectionReason.BadTimestamp, "ts")]
    [InlineData("fc/d1/telemetry", """{"ts":1.5e12,"metric":"level_m","value":1}""", MqttRejectionReason.BadTimestamp, "ts")]
    [InlineData("fc/d1/telemetry", """{"ts":true,"metric":"level_m","value":1}""", MqttRejectionReason.BadTimestamp, "ts")]
    [InlineData("fc/d1/event", """{"component":"loop-2"}""", MqttRejectionReason.MissingField, "type")]
    [InlineData("fc/d1/event", """{"type":"smoke"}""", MqttRejectionReason.UnknownType, "type")]
    [InlineData("fc/d1/event", """{"type":3}""", MqttRejectionReason.WrongType, "type")]
    [InlineData("fc/d1/event", """{"type":"fire","component":7}""", MqttRejectionReason.WrongType, "component")]
    [InlineData("fc/d1/event", """{"type":"fire","text":"a\u0000b"}""", MqttRejectionReason.WrongType, "text")]
    [InlineData("fc/d1/event", """{"type":"fire","id":""}""", MqttRejectionReason.WrongType, "id")]
    [InlineData("fc/d1/status", """{"online":"yes"}""", MqttRejectionReason.WrongType, "online")]
    [InlineData("fc/d1/status", """{"power":"ok"}""", MqttRejectionReason.MissingField, "online")]
    [InlineData("fc/d1/status", """{"type":"asleep"}""", MqttRejectionReason.UnknownType, "type")]
    [InlineData("fc/d1/command", """{"online":true}""", MqttRejectionReason.UnknownTopic, null)]
    [InlineData("fc/d1/telemetry/extra", """{"online":true}""", MqttRejectionReason.UnknownTopic, null)]
    [InlineData("fc/d+1/telemetry", """{"online":true}""", MqttRejectionReason.UnknownTopic, null)]
    [InlineData("other/d1/telemetry", """{"online":true}""", MqttRejectionReason.UnknownTopic, null)]
    public void BadPayload_IsRefusedWithItsReasonAndField(string topic, string json, MqttRejectionReason reason, string? field)
    {
        var r = Parse(topic, json);
        Assert.False(r.IsAccepted);
        Assert.Empty(r.Messages);
        Assert.Equal((reason, field), (r.Rejection!.Reason, r.Rejection.Field));
        Assert.False(string.IsNullOrWhiteSpace(r.Rejection.Detail));
    }

    [Fact]
    public void OversizePayload_IsRefusedBeforeItIsRead()
    {
        var r = Parse("fc/d1/telemetry", """{"metric":"level_m","value":1,"text":"%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%"}""", max: 40);
        Assert.Equal(MqttRejectionReason.Oversize, r.Rejection!.Reason);
        Assert.True(Parse("fc/d1/telemetry", """{"metric":"level_m","value":1}""", max: 40).IsAccepted);
    }

    [Fact]
    public void TooManyValues_AreRefused()
    {
        string Values(int n) => "{\"values\":{" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"v{i}_m\":{i}")) + "}}";
        Assert.Equal(MqttPayloadParser.MaxValues, Parse("fc/d1/telemetry", Values(MqttPayloadParser.MaxValues)).Messages.Count);
        Assert.Equal(MqttRejectionReason.WrongType, Parse("fc/d1/telemetry", Values(MqttPayloadParser.MaxValues + 1)).Rejection!.Reason);
    }

    [Fact]
    public void DeeplyNestedPayload_IsRefusedAsNotJson()
    {
        var json = "{\"x\":" + new string('[', 50) + new string(']', 50) + ",\"online\":true}";
        Assert.Equal(MqttRejectionReason.NotJson, Parse("fc/d1/status", json).Rejection!.Reason);
    }

    [Fact]
    public void UnknownFields_AreIgnored()
    {
        Assert.True(Parse("fc/d1/status", """{"online":true,"firmware":"1.2.3","rssi":-71}""").IsAccepted);
    }
}
