using FireCommand.Core.Dispatch;
using FireCommand.Core.Resources;
using FireCommand.Core.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Shared;

/// <summary>
/// Turns the domain's typed refusals into ProblemDetails: outside the jurisdiction → 403, an illegal
/// status move or a lost concurrency race → 409, an unreadable request → 400. Anything else is a 500
/// without internals.
/// </summary>
public sealed partial class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            JurisdictionViolationException e => (403, "Outside your jurisdiction", e.Message),
            IllegalStatusChangeException e => (409, "Illegal status change", e.Message),
            IllegalIncidentChangeException e => (409, "Illegal incident change", e.Message),
            DbUpdateConcurrencyException => (409, "Changed by someone else",
                "The record was changed by another user after you loaded it; reload and try again."),
            // The serializer's own message names .NET types; the client needs only where the body went wrong.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException j } =>
                (400, "Malformed JSON", $"The body is not valid JSON for this request, or a value has the wrong type, at {j.Path ?? "$"}."),
            BadHttpRequestException e when BadParameter(e) is { } p => (e.StatusCode, "Bad request", p.Detail),
            BadHttpRequestException e => (e.StatusCode, "Bad request", "The request could not be read."),
            _ => (500, "Unexpected error", "The error was logged."),
        };
        if (status == 500) Log.Unhandled(log, exception, http.Request.Path);
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        // Name the field at fault the way validation errors do, so clients handle both alike.
        if (exception.InnerException is System.Text.Json.JsonException { Path: { } path })
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [FieldName(path)] = [detail] };
        else if (exception is BadHttpRequestException bad && BadParameter(bad) is { } parameter)
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [parameter.Name] = [detail] };
        return await problems.TryWriteAsync(context);
    }

    /// <summary>
    /// The parameter a binding failure names. ASP.NET Core reports it only in its message
    /// ("Failed to bind parameter "double? radiusMeters" from "abc"."), so that is read here, and
    /// the type in it is left out of the answer.
    /// </summary>
    private static (string Name, string Detail)? BadParameter(BadHttpRequestException e)
    {
        var m = ParameterMessage().Match(e.Message);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        return (name, m.Groups["value"].Success ? $"{name} has a value that cannot be read: \"{m.Groups["value"].Value}\"."
            : e.Message.Contains("not provided", StringComparison.Ordinal) ? $"{name} is required."
            : $"{name} could not be read.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("""parameter "[^"]* (?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from "(?<value>.*)"\.$)?""")]
    private static partial System.Text.RegularExpressions.Regex ParameterMessage();

    /// <summary>"$.latitude" → "latitude"; "$" (the whole body) stays "$".</summary>
    private static string FieldName(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
