using FireCommand.Core.Shared;

namespace FireCommand.Core.Linkage;

/// <summary>The kind of agency a partner system belongs to (三台联动).</summary>
public enum PartnerKind
{
    /// <summary>110 public-security command centre</summary>
    Police110 = 1,
    /// <summary>120 emergency medical dispatch centre</summary>
    Medical120 = 2,
    /// <summary>Any other agency: 12345 hotline, utilities, emergency management…</summary>
    Other = 3,
}

/// <summary>What a partner's key may do. Each is granted by an admin, none by default.</summary>
[Flags]
public enum PartnerScopes
{
    None = 0,
    /// <summary><c>transfer-in</c>: hand an incident to the fire service (it becomes an alarm).</summary>
    TransferIn = 1,
    /// <summary><c>receive-transfers</c>: be a target of transfers out, poll the inbox and acknowledge.</summary>
    ReceiveTransfers = 2,
    /// <summary><c>read-own</c>: read the transfers it sent or received and a summary of their incidents.</summary>
    ReadOwn = 4,
}

/// <summary>
/// A registered partner system (110, 120 or another agency) with its API key. Only a hash of the
/// key's secret is kept; the key itself is shown once when issued.
/// </summary>
public sealed class Partner : IJurisdictionScoped
{
    public long Id { get; set; }
    /// <summary>Short stable code, e.g. "110-XX"; it names the partner in the audit trail.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    /// <summary>The area the partner covers; its transfers in must lie inside it.</summary>
    public long JurisdictionId { get; set; }
    public PartnerScopes Scopes { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Public part of the current key (looked up); null until a key is issued.</summary>
    public string? KeyId { get; set; }
    /// <summary>SHA-256 of the key's secret part; never shown and never written to the audit trail.</summary>
    public byte[]? KeyHash { get; set; }
    public DateTimeOffset? KeyIssuedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the partner's key last opened a call, to the minute (older keys that nobody uses stand out).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Replaces the key: the previous one stops working with this save.</summary>
    public void SetKey(PartnerKey.Issued key, DateTimeOffset at)
    {
        KeyId = key.KeyId;
        KeyHash = key.SecretHash;
        KeyIssuedAt = at;
    }

    /// <summary>Takes the key away: it stops working with this save.</summary>
    public void RevokeKey()
    {
        KeyId = null;
        KeyHash = null;
        KeyIssuedAt = null;
    }

    public bool Has(PartnerScopes scope) => (Scopes & scope) == scope;
}
