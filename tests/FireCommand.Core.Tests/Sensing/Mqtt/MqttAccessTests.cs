using FireCommand.Core.Sensing.Mqtt;

namespace FireCommand.Core.Tests.Sensing.Mqtt;

public class MqttAccessTests
{
    [Theory]
    [InlineData("fc/d1/telemetry", true)]
    [InlineData("fc/d1/event", true)]
    [InlineData("fc/d1/status", true)]
    [InlineData("fc/d2/telemetry", false)]
    [InlineData("fc/d10/telemetry", false)]
    [InlineData("fc/d1/command", false)]
    [InlineData("fc/d1/telemetry/x", false)]
    [InlineData("fc/+/telemetry", false)]
    [InlineData("fc/D1/telemetry", false)]
    [InlineData("d1/telemetry", false)]
    public void Device_PublishesOnlyUnderItsOwnId(string topic, bool allowed) =>
        Assert.Equal(allowed, MqttAccess.DeviceMayPublish("d1", topic));

    [Theory]
    [InlineData("fc/d1/command", true)]
    [InlineData("fc/d2/command", false)]
    [InlineData("fc/+/command", false)]
    [InlineData("fc/#", false)]
    [InlineData("#", false)]
    [InlineData("fc/d1/telemetry", false)]
    public void Device_SubscribesOnlyToItsCommandTopic(string filter, bool allowed) =>
        Assert.Equal(allowed, MqttAccess.DeviceMaySubscribe("d1", filter));

    [Theory]
    [InlineData("hyd-0001", true)]
    [InlineData("a.b_c-9", true)]
    [InlineData("-lead", false)]
    [InlineData("a/b", false)]
    [InlineData("a+b", false)]
    [InlineData("a#", false)]
    [InlineData("设备1", false)]
    [InlineData("", false)]
    public void DeviceId_KeepsToTheTopicSafeAlphabet(string id, bool valid) => Assert.Equal(valid, MqttTopic.IsValidDeviceId(id));
}
