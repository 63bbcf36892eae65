using System.Security.Cryptography;
using System.Text;

namespace FireCommand.Core.Sensing.Mqtt;

/// <summary>
/// Device passwords: 24 random bytes (base64url), issued by the platform and shown once. Only a hash
/// is stored, in Mosquitto's own password-file form <c>$7$iterations$salt$hash</c> (PBKDF2-HMAC-SHA512,
/// 12-byte salt, 64-byte hash, as <c>mosquitto_passwd</c> writes it), so the same row checks a device on
/// the embedded broker and exports as a line of Mosquitto's password file without the password.
/// <para>
/// Why not the users' password hasher: a user's password is guessable and is stretched hard; a device
/// password is 192 random bits that no guessing reaches, while thousands of devices reconnecting after
/// a broker restart would each cost a stretched hash. Mosquitto's default of 101 iterations keeps a
/// reconnect storm cheap. Pure and thread-safe.
/// </para>
/// </summary>
public static class MqttPassword
{
    public const int Iterations = 101;
    private const int SaltBytes = 12;
    private const int HashBytes = 64;
    private const int PasswordBytes = 24;

    /// <summary>A new random password and its stored hash.</summary>
    public static (string Password, string Hash) Generate()
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PasswordBytes)).Replace('+', '-').Replace('/', '_');
        return (password, Hash(password));
    }

    public static string Hash(string password, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"$7${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>True when <paramref name="password"/> matches a <c>$7$</c> hash; compared in constant time. False for any other form.</summary>
    public static bool Verify(string? password, string? stored)
    {
        if (password is null || stored is null || password.Length > 256) return false;
        var parts = stored.Split('$');
        // "", "7", iterations, salt, hash
        if (parts.Length != 5 || parts[0] != "" || parts[1] != "7" ||
            !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations) ||
            iterations is < 1 or > 1_000_000)
            return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[3]);
            expected = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return false;
        }
        if (salt.Length == 0 || expected.Length != HashBytes) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
