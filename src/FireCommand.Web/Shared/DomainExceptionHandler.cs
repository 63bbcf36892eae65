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
public sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> log)
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
            BadHttpRequestException { InnerException: System.Text.Json.JsonException j } =>
                (400, "Malformed JSON", $"The body is not valid JSON for this request at {j.Path ?? "$"}: {FirstLine(j.Message)}"),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
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
        return await problems.TryWriteAsync(context);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>"$.latitude" → "latitude"; "$" (the whole body) stays "$".</summary>
    private static string FieldName(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
