using System.Text;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing.Mqtt;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FireCommand.Web.Sensing.Mqtt;

/// <summary>
/// Device provisioning for admins within their jurisdiction: issue or rotate a device's MQTT password
/// (shown once, in the answer), revoke it, list the devices, and, for a province-wide admin, export
/// Mosquitto's password file. Every change is audited by the save; the hash never is. A rotation or
/// revocation also ends the device's live connection on the embedded broker.
/// </summary>
public static class MqttProvisioning
{
    public sealed record CredentialRequest(long? JurisdictionId);

    /// <summary>The only time the password is ever shown.</summary>
    public sealed record IssuedCredential(string DeviceId, string UserName, string ClientId, string Password,
        long JurisdictionId, DateTimeOffset IssuedAt, string PublishUnder, string CommandTopic);

    public sealed record DeviceCredentialDto(string DeviceId, long JurisdictionId, DateTimeOffset IssuedAt, string IssuedBy);

    public sealed record IngestStatus(MqttMode Mode, long AcceptedMessages, IReadOnlyDictionary<string, long> RejectedByReason);

    public static RouteGroupBuilder MapMqttProvisioning(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/sensing/mqtt").WithTags("Sensing (MQTT)").RequireAuthorization(MqttModule.ProvisionDevices);
        g.MapGet("/devices", List);
        g.MapPost("/devices/{deviceId}/credentials", Issue);
        g.MapDelete("/devices/{deviceId}/credentials", Revoke);
        g.MapGet("/status", Status);
        g.MapGet("/mosquitto/passwd", MosquittoPasswordFile);
        return api;
    }

    private static async Task<Ok<List<DeviceCredentialDto>>> List(FireCommandDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.MqttDeviceCredentials.AsNoTracking().OrderBy(c => c.DeviceId)
            .Select(c => new DeviceCredentialDto(c.DeviceId, c.JurisdictionId, c.IssuedAt, c.IssuedBy)).ToListAsync(ct));

    private static async Task<Results<Ok<IssuedCredential>, ValidationProblem, ProblemHttpResult>> Issue(string deviceId,
        CredentialRequest? request, FireCommandDbContext db, HttpCaller caller, TimeProvider clock, IMqttDeviceSessions sessions,
        CancellationToken ct)
    {
        var v = new Validation();
        if (!MqttTopic.IsValidDeviceId(deviceId))
            v.Add("deviceId", $"deviceId must be 1–{MqttTopic.MaxDeviceIdLength} letters, digits, '_', '-' or '.', starting with a letter or digit.");
        await v.VisibleJurisdiction("jurisdictionId", request?.JurisdictionId, db, ct);
        if (!v.IsValid) return v.Problem();

        var existing = await db.MqttDeviceCredentials.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.DeviceId == deviceId, ct);
        if (existing is not null && !(db.Scope.SeesAll || db.Scope.VisibleIds.Contains(existing.JurisdictionId)))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device id taken",
                detail: "deviceId is provisioned by another jurisdiction; an admin there can rotate or revoke it.");
        var (password, hash) = MqttPassword.Generate();
        var now = clock.GetUtcNow();
        var credential = existing ?? db.MqttDeviceCredentials.Add(new MqttDeviceCredential
            { DeviceId = deviceId, PasswordHash = hash, IssuedBy = caller.UserName }).Entity;
        credential.PasswordHash = hash;
        credential.JurisdictionId = request!.JurisdictionId!.Value;
        credential.IssuedAt = now;
        credential.IssuedBy = caller.UserName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device id taken",
                detail: "deviceId was provisioned at the same moment by another request; try again.");
        }
        // The old password stops working with this commit; a session signed in with it ends too.
        if (existing is not null) await sessions.DisconnectAsync(deviceId);
        return TypedResults.Ok(new IssuedCredential(deviceId, deviceId, deviceId, password, credential.JurisdictionId, now,
            $"{MqttTopic.Root}/{deviceId}/", MqttTopic.CommandTopic(deviceId)));
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(string deviceId, FireCommandDbContext db,
        IMqttDeviceSessions sessions, CancellationToken ct)
    {
        var credential = await db.MqttDeviceCredentials.FirstOrDefaultAsync(c => c.DeviceId == deviceId, ct);
        if (credential is null) return TypedResults.NotFound();
        db.MqttDeviceCredentials.Remove(credential);
        await db.SaveChangesAsync(ct);
        await sessions.DisconnectAsync(deviceId);
        return TypedResults.NoContent();
    }

    private static Ok<IngestStatus> Status(MqttIngestCounters counters, IOptions<MqttOptions> options) =>
        TypedResults.Ok(new IngestStatus(options.Value.Mode, counters.AcceptedMessages,
            counters.RejectedByReason().ToDictionary(p => p.Key.ToString(), p => p.Value)));

    /// <summary>
    /// Mosquitto's <c>password_file</c> for every device: <c>deviceId:$7$…</c> lines. Only for a
    /// province-wide admin: a file with one detachment's devices would lock every other device out.
    /// </summary>
    private static async Task<Results<ContentHttpResult, ForbidHttpResult>> MosquittoPasswordFile(FireCommandDbContext db,
        CancellationToken ct)
    {
        if (!db.Scope.SeesAll) return TypedResults.Forbid();
        var text = new StringBuilder();
        await foreach (var c in db.MqttDeviceCredentials.AsNoTracking().OrderBy(c => c.DeviceId)
                           .Select(c => new { c.DeviceId, c.PasswordHash }).AsAsyncEnumerable().WithCancellation(ct))
            text.Append(c.DeviceId).Append(':').Append(c.PasswordHash).Append('\n');
        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }
}
