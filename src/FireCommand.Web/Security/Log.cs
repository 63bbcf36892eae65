namespace FireCommand.Web.Security;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Login succeeded for {UserName}")]
    public static partial void LoginSucceeded(ILogger logger, string userName);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Login failed for {UserName}")]
    public static partial void LoginFailed(ILogger logger, string userName);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Account {UserName} locked out after failed logins")]
    public static partial void LoginLockedOut(ILogger logger, string userName);
}
