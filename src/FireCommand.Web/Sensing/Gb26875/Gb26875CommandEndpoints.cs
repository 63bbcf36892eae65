using System.Buffers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using FireCommand.Core.Audit;
using FireCommand.Core.Data;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Devices;
using FireCommand.Core.Sensing.Gb26875;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>
/// Downstream commands to a registered transmission device over its live connection: read a state
/// (查询, ADU 61–63, 65–68, 81, 85, 86, 88), sync its clock (ADU 90) and check the duty staff (查岗, ADU 91).
/// For those who dispatch, within the jurisdiction of the device's key place (another's device is a 404).
/// The device's answer (same serial, from that device) comes back decoded; a device not connected is a
/// 409, one that does not answer in time a 504. Every command sent or refused is audited.
/// </summary>
public static class Gb26875CommandEndpoints
{
    public sealed record ReadRequest(string? What, int? SystemType, int? SystemAddress, int? Zone, int? Point);

    public sealed record DutyCheckRequest(int? AnswerMinutes);

    /// <summary>What was sent and what the device answered: <c>answered</c> (a reply), <c>confirmed</c> or <c>denied</c>.</summary>
    public sealed record CommandResult(long DeviceId, string DeviceKey, int Serial, int AduType, string AduTypeName, string Outcome,
        JsonNode? Answer);

    /// <summary>What can be read, the ADU that asks for it and what it needs (none, a system, a component).</summary>
    private static readonly Dictionary<string, (byte Type, Needs Needs)> Reads = new(StringComparer.Ordinal)
    {
        ["device_state"] = (81, Needs.None),
        ["device_version"] = (85, Needs.None),
        ["device_config"] = (86, Needs.None),
        ["device_time"] = (88, Needs.None),
        ["system_state"] = (61, Needs.System),
        ["system_version"] = (65, Needs.System),
        ["system_config"] = (66, Needs.System),
        ["system_time"] = (68, Needs.System),
        ["component_state"] = (62, Needs.Component),
        ["component_analog"] = (63, Needs.Component),
        ["component_config"] = (67, Needs.Component),
    };

    private enum Needs { None, System, Component }

    public static RouteGroupBuilder MapGb26875Commands(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/sensing/devices/{id:long}/gb26875").WithTags("Sensing (GB/T 26875.3)")
            .RequireAuthorization(Policies.Dispatch);
        g.MapPost("/read", Read);
        g.MapPost("/sync-clock", (long id, Ctx c, CancellationToken ct) =>
            SendAsync(id, c, "sync_clock", device => c.Commands.ExchangeAsync(device, Gb26875Command.Control, c.Commands.SyncClock(), ct), ct));
        g.MapPost("/duty-check", DutyCheck);
        return api;
    }

    /// <summary>What every command needs, bound from the request's services.</summary>
    public sealed record Ctx(FireCommandDbContext Db, Gb26875Commands Commands, IAuditActor Actor, TimeProvider Clock)
    {
        public static ValueTask<Ctx?> BindAsync(HttpContext http) => ValueTask.FromResult<Ctx?>(new(
            http.RequestServices.GetRequiredService<FireCommandDbContext>(), http.RequestServices.GetRequiredService<Gb26875Commands>(),
            http.RequestServices.GetRequiredService<IAuditActor>(), http.RequestServices.GetRequiredService<TimeProvider>()));
    }

    private static Task<Results<Ok<CommandResult>, NotFound, ProblemHttpResult, ValidationProblem>> Read(long id, ReadRequest? r, Ctx c,
        CancellationToken ct)
    {
        var v = new Validation();
        var known = r?.What is { } what && Reads.ContainsKey(what);
        v.When(!known, "what", $"what must be one of {string.Join(", ", Reads.Keys)}.");
        if (!known) return Task.FromResult<Results<Ok<CommandResult>, NotFound, ProblemHttpResult, ValidationProblem>>(v.Problem());
        var (type, needs) = Reads[r!.What!];
        if (needs is not Needs.None) v.Range("systemType", r.SystemType, 0, 255).Range("systemAddress", r.SystemAddress, 0, 255);
        if (needs is Needs.Component) v.Range("zone", r.Zone, 0, 65535).Range("point", r.Point, 0, 65535);
        if (!v.IsValid) return Task.FromResult<Results<Ok<CommandResult>, NotFound, ProblemHttpResult, ValidationProblem>>(v.Problem());
        Gb26875Object query = needs switch
        {
            Needs.System => new Gb26875SystemQuery((byte)r.SystemType!.Value, (byte)r.SystemAddress!.Value),
            Needs.Component => new Gb26875ComponentQuery((byte)r.SystemType!.Value, (byte)r.SystemAddress!.Value,
                Gb26875ComponentAddress.Of((ushort)r.Zone!.Value, (ushort)r.Point!.Value)),
            _ => new Gb26875Reserved(0),
        };
        return SendAsync(id, c, "read " + r.What, device =>
            c.Commands.ExchangeAsync(device, Gb26875Command.Request, Gb26875Adu.Of(type, query), ct), ct);
    }

    private static Task<Results<Ok<CommandResult>, NotFound, ProblemHttpResult, ValidationProblem>> DutyCheck(long id,
        DutyCheckRequest? r, Ctx c, CancellationToken ct)
    {
        // The answer time travels in one byte; an hour is far beyond any duty rule and keeps the check meaningful.
        var v = new Validation().Range("answerMinutes", r?.AnswerMinutes, 1, 60);
        if (!v.IsValid) return Task.FromResult<Results<Ok<CommandResult>, NotFound, ProblemHttpResult, ValidationProblem>>(v.Problem());
        return SendAsync(id, c, "duty_check", device => c.Commands.ExchangeAsync(device, Gb26875Command.Control,
            Gb26875Commands.DutyCheck((byte)r!.AnswerMinutes!.Value), ct), ct);
    }

    private static async Task<Results<Ok<CommandResult>, NotFound, ProblemHttpResult, ValidationProblem>> SendAsync(long id, Ctx c,
        string command, Func<Gb26875Address, Task<Gb26875Exchange>> send, CancellationToken ct)
    {
        var device = await c.Db.MonitoredDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (device is null) return TypedResults.NotFound();
        if (device.Transport != DeviceTransport.Gb26875 || !Gb26875Address.TryParse(device.DeviceKey["gb26875:".Length..], out var address))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a GB/T 26875.3 device",
                detail: "Only a transmission device on the GB/T 26875.3 gateway takes these commands.");
        }
        Gb26875Exchange sent;
        try
        {
            sent = await send(address);
        }
        catch (Gb26875NotConnectedException)
        {
            await AuditAsync(c, device, command, null, "not_connected");
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device not connected",
                detail: $"Device {device.DeviceKey} has no open connection to the gateway; commands reach it once it connects again.");
        }
        catch (Gb26875NoAnswerException e)
        {
            await AuditAsync(c, device, command, e.Serial, "no_answer");
            return TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "No answer from the device",
                detail: e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await AuditAsync(c, device, command, null, "connection_closed");
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device connection closed",
                detail: $"Device {device.DeviceKey}'s connection closed before it answered; send the command again once it reconnects.");
        }
        var outcome = sent.Answer.Command switch
        {
            Gb26875Command.Reply => "answered",
            Gb26875Command.Confirm => "confirmed",
            _ => "denied",
        };
        await AuditAsync(c, device, command, sent.Request.Serial, outcome);
        var adu = sent.Request.Adu!;
        return TypedResults.Ok(new CommandResult(device.Id, device.DeviceKey, sent.Request.Serial, adu.Type,
            Gb26875Names.AduTypeName(adu.Type) ?? "", outcome, Decoded(sent.Answer)));
    }

    /// <summary>The answer in the form the CLI prints and the reference frames use.</summary>
    private static JsonNode? Decoded(Gb26875Frame answer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) Gb26875Json.WriteFrame(w, Gb26875FrameCodec.Decode(Gb26875FrameCodec.Encode(answer)));
        return JsonNode.Parse(buffer.WrittenSpan);
    }

    /// <summary>Written even when the caller has gone: the command reached the device or was refused all the same.</summary>
    private static async Task AuditAsync(Ctx c, MonitoredDevice device, string command, ushort? serial, string outcome)
    {
        c.Db.AuditEntries.Add(new AuditEntry
        {
            At = c.Clock.GetUtcNow(), UserId = c.Actor.UserId, UserName = c.Actor.UserName, Action = "Command",
            Entity = nameof(MonitoredDevice), EntityId = device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Changes = JsonSerializer.Serialize(new { command, serial, outcome }), JurisdictionId = device.JurisdictionId,
        });
        await c.Db.SaveChangesAsync(CancellationToken.None);
    }
}
