using System.Security.Cryptography;
using System.Text;

namespace FireCommand.Core.Linkage;

/// <summary>
/// Partner API keys: <c>fcp_{keyId}_{secret}</c>, where the key id (12 hex digits) is public and
/// names the row, and the secret is 256 random bits (base64url). The platform stores only the
/// SHA-256 of the secret: a fast hash suffices because the secret is random, not a password, and
/// the comparison takes constant time. Pure and thread-safe.
/// </summary>
public static class PartnerKey
{
    public const string Prefix = "fcp_";
    private const int KeyIdBytes = 6;
    private const int SecretBytes = 32;

    /// <summary>A newly issued key: the full text (shown once) and what is stored.</summary>
    public sealed record Issued(string Key, string KeyId, byte[] SecretHash);

    public static Issued Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return new Issued($"{Prefix}{keyId}_{secret}", keyId, Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret; false when it has not the key's shape.</summary>
    public static bool TryParse(string? presented, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (presented is null || presented.Length > 200 || !presented.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = presented.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != KeyIdBytes * 2) return false;
        keyId = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        foreach (var c in keyId)
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        return secret.Length > 0;
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, byte[]? storedHash) =>
        storedHash is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
