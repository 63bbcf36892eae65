using System.Text.RegularExpressions;
using FireCommand.Core.Data;
using FireCommand.Core.Linkage;
using FireCommand.Web.Security;
using FireCommand.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FireCommand.Web.Linkage;

/// <summary>
/// The registry of partner systems, for admins within their jurisdiction: register, change, enable
/// or disable, and issue or rotate a key (shown once). Every change is audited by the save; the key
/// hash never is.
/// </summary>
public static partial class PartnerRegistry
{
    public sealed record PartnerRequest(string? Code, string? Name, PartnerKind? Kind, long? JurisdictionId,
        IReadOnlyList<string>? Scopes, bool? Enabled);

    public sealed record PartnerDto(long Id, string Code, string Name, PartnerKind Kind, long JurisdictionId,
        IReadOnlyList<string> Scopes, bool Enabled, string? KeyId, DateTimeOffset? KeyIssuedAt, DateTimeOffset CreatedAt,
        DateTimeOffset? LastUsedAt);

    /// <summary>The answer of a key issue: the only time the key is ever shown.</summary>
    public sealed record IssuedKey(long PartnerId, string KeyId, string Key, DateTimeOffset IssuedAt);

    /// <summary>A partner a dispatcher may hand an incident to.</summary>
    public sealed record Receiver(long Id, string Code, string Name, PartnerKind Kind);

    public static RouteGroupBuilder MapPartnerRegistry(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/partners").WithTags("Linkage");
        g.MapGet("/", List).RequireAuthorization(Policies.ManageUsers);
        g.MapPost("/", Create).RequireAuthorization(Policies.ManageUsers);
        g.MapPut("/{id:long}", Update).RequireAuthorization(Policies.ManageUsers);
        g.MapPost("/{id:long}/key", IssueKey).RequireAuthorization(Policies.ManageUsers);
        g.MapDelete("/{id:long}/key", RevokeKey).RequireAuthorization(Policies.ManageUsers);
        g.MapGet("/receivers", Receivers).RequireAuthorization(Policies.Dispatch);
        return api;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$")]
    private static partial Regex CodePattern();

    public static PartnerDto ToDto(Partner p) => new(p.Id, p.Code, p.Name, p.Kind, p.JurisdictionId,
        PartnerScopeNames.Of(p.Scopes), p.Enabled, p.KeyId, p.KeyIssuedAt, p.CreatedAt, p.LastUsedAt);

    private static async Task<Ok<List<PartnerDto>>> List(FireCommandDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Partners.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Ok<List<Receiver>>> Receivers(FireCommandDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Partners.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Enabled && (p.Scopes & PartnerScopes.ReceiveTransfers) == PartnerScopes.ReceiveTransfers)
            .OrderBy(p => p.Code).Select(p => new Receiver(p.Id, p.Code, p.Name, p.Kind)).ToListAsync(ct));

    private static async Task<Results<Created<PartnerDto>, ValidationProblem>> Create(PartnerRequest r,
        FireCommandDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (v, scopes) = await ValidateAsync(r, db, null, ct);
        if (!v.IsValid) return v.Problem();
        var partner = new Partner
        {
            Code = r.Code!.Trim(), Name = r.Name!.Trim(), Kind = r.Kind!.Value, JurisdictionId = r.JurisdictionId!.Value,
            Scopes = scopes, Enabled = r.Enabled ?? true, CreatedAt = clock.GetUtcNow(),
        };
        db.Partners.Add(partner);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return new Validation().Add("code", "code is already taken by another partner.").Problem();
        }
        return TypedResults.Created($"/api/partners/{partner.Id}", ToDto(partner));
    }

    private static async Task<Results<Ok<PartnerDto>, NotFound, ValidationProblem>> Update(long id, PartnerRequest r,
        FireCommandDbContext db, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return TypedResults.NotFound();
        var (v, scopes) = await ValidateAsync(r, db, partner, ct);
        if (!v.IsValid) return v.Problem();
        if (r.Code is not null && r.Code.Trim() != partner.Code)
            return new Validation().Add("code", "code cannot change: it names the partner in the audit trail.").Problem();
        partner.Name = r.Name!.Trim();
        partner.Kind = r.Kind!.Value;
        partner.JurisdictionId = r.JurisdictionId!.Value;
        partner.Scopes = scopes;
        if (r.Enabled is { } enabled) partner.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(partner));
    }

    /// <summary>Issues a new key; the previous one, if any, is refused from this commit on.</summary>
    private static async Task<Results<Ok<IssuedKey>, NotFound>> IssueKey(long id, FireCommandDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return TypedResults.NotFound();
        var key = PartnerKey.Generate();
        var now = clock.GetUtcNow();
        partner.SetKey(key, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new IssuedKey(partner.Id, key.KeyId, key.Key, now));
    }

    /// <summary>Revokes the key: it is refused from this commit on, and the partner has none until a new one is issued.</summary>
    private static async Task<Results<Ok<PartnerDto>, NotFound>> RevokeKey(long id, FireCommandDbContext db, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return TypedResults.NotFound();
        partner.RevokeKey();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(partner));
    }

    private static async Task<(Validation, PartnerScopes)> ValidateAsync(PartnerRequest r, FireCommandDbContext db,
        Partner? existing, CancellationToken ct)
    {
        var v = new Validation()
            .Required("name", r.Name, 100)
            .Defined("kind", r.Kind);
        if (existing is null)
        {
            v.Required("code", r.Code, 30);
            if (!string.IsNullOrWhiteSpace(r.Code) && !CodePattern().IsMatch(r.Code.Trim()))
                v.Add("code", "code must be 1–30 letters, digits, '-' or '_', starting with a letter or digit.");
        }
        await v.VisibleJurisdiction("jurisdictionId", r.JurisdictionId, db, ct);
        var scopes = PartnerScopes.None;
        if (r.Scopes is null) v.Add("scopes", "scopes is required (it may be empty).");
        else if (PartnerScopeNames.Parse(r.Scopes) is { } parsed) scopes = parsed;
        else v.Add("scopes", $"scopes may contain only {string.Join(", ", PartnerScopeNames.Names)}.");
        // A transfer in becomes an alarm whose source says which service sent it; only 110 and 120 have one.
        if ((scopes & PartnerScopes.TransferIn) != 0 && r.Kind is PartnerKind.Other)
            v.Add("scopes", "transfer-in is for 110 and 120 partners; other agencies receive transfers only.");
        return (v, scopes);
    }
}
