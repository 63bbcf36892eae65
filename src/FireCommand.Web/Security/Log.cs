namespace FireCommand.Web.Security;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Login succeeded for {UserName} from {Client}")]
    public static partial void LoginSucceeded(ILogger logger, string userName, string client);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Login failed for {UserName} from {Client}")]
    public static partial void LoginFailed(ILogger logger, string userName, string client);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Login for {UserName} from {Client} refused: the client must wait after repeated failures")]
    public static partial void LoginThrottled(ILogger logger, string userName, string client);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Data-protection keys in {Directory} are encrypted with the certificate {Thumbprint}")]
    public static partial void KeysEncrypted(ILogger logger, string directory, string thumbprint);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Data-protection keys in {Directory} are stored unencrypted, readable by the service user only; set Security:KeyCertificatePath to encrypt them")]
    public static partial void KeysUnencrypted(ILogger logger, string directory);
}
