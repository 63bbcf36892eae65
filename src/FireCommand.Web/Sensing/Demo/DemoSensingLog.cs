namespace FireCommand.Web.Sensing.Demo;

internal static partial class DemoSensingLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Information,
        Message = "Demo devices: {Devices} registered ({Added} new), {Transmission} transmission devices connecting over GB/T 26875.3, {Sensors} sensors over MQTT")]
    public static partial void Started(ILogger logger, int devices, int added, int transmission, int sensors);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Demo: {Note}")]
    public static partial void TransportOff(ILogger logger, string note);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Debug, Message = "Demo device {Device} lost its connection: {Reason}")]
    public static partial void DeviceConnectionLost(ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Error, Message = "Demo devices could not be registered; the demo runs without them")]
    public static partial void RegistrationFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 7305, Level = LogLevel.Information,
        Message = "Demo sensing history: {Alarms} past alarms ({Fires} confirmed fires) over {Days} days")]
    public static partial void HistoryWritten(ILogger logger, int alarms, int fires, int days);
}
