using System.Net;

namespace FireCommand.Web.Sensing.Gb26875;

internal static partial class Gb26875Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "GB/T 26875.3 gateway not started: no device message sink is registered, so no frame could be acknowledged after it is stored")]
    public static partial void NoSink(ILogger logger);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "GB/T 26875.3 gateway listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, EndPoint? endPoint);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "GB/T 26875.3 connection from {Remote} refused: {Reason}")]
    public static partial void Refused(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "GB/T 26875.3 frame from {Remote} rejected at offset {Offset}: {Reason} (deny sent: {Denied})")]
    public static partial void Rejected(ILogger logger, EndPoint? remote, long offset, string? reason, bool denied);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "GB/T 26875.3 frame {Serial} from device {Device} not stored; not acknowledged, the device will repeat it")]
    public static partial void SinkFailed(ILogger logger, Exception error, ushort serial, string device);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "GB/T 26875.3 connection from {Remote} closed: {Reason}")]
    public static partial void Closed(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "GB/T 26875.3 device {Device} sent ADU type {Type}, which this gateway does not read; acknowledged, not stored")]
    public static partial void UnknownAdu(ILogger logger, string device, byte type);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "GB/T 26875.3 device {Device} could not be recorded {Type}; its next connection tries again")]
    public static partial void PresenceNotStored(ILogger logger, Exception error, string device, string type);
}
