using System.Text;

namespace FireCommand.Core.Sensing.Gb26875;

/// <summary>
/// A description as sent (GB 18030, §8.2.1.2): the bytes are kept for re-encoding, <see cref="Text"/>
/// reads them up to the first NUL without trailing spaces. Immutable; equal when the bytes are.
/// </summary>
public sealed class Gb26875Description : IEquatable<Gb26875Description>
{
    /// <summary>A component's description is a fixed 31-byte field.</summary>
    public const int ComponentLength = 31;

    /// <summary>GB 18030 from the code-pages provider (registered once; the runtime has only Unicode encodings built in).</summary>
    public static Encoding Gb18030 { get; } = LoadGb18030();

    public static Gb26875Description Empty { get; } = new(ReadOnlyMemory<byte>.Empty);

    public Gb26875Description(ReadOnlyMemory<byte> bytes) => Bytes = bytes;

    public ReadOnlyMemory<byte> Bytes { get; }

    public string Text
    {
        get
        {
            var span = Bytes.Span;
            int nul = span.IndexOf((byte)0);
            if (nul >= 0) span = span[..nul];
            return Gb18030.GetString(span).TrimEnd(' ');
        }
    }

    /// <summary>Encodes text in GB 18030, cut at a character boundary when it passes <paramref name="maxBytes"/>.</summary>
    public static Gb26875Description FromText(string text, int maxBytes = ComponentLength)
    {
        var bytes = Gb18030.GetBytes(text);
        if (bytes.Length <= maxBytes) return new(bytes);
        var chars = text.AsSpan();
        while (chars.Length > 0 && Gb18030.GetByteCount(chars) > maxBytes)
            chars = chars[..(char.IsLowSurrogate(chars[^1]) && chars.Length > 1 ? chars.Length - 2 : chars.Length - 1)];
        return new(Gb18030.GetBytes(chars.ToArray()));
    }

    /// <summary>Writes the field padded with NULs (the C-string end the controllers expect).</summary>
    internal void WriteFixed(Span<byte> field)
    {
        var span = Bytes.Span;
        if (span.Length > field.Length) span = span[..field.Length];
        span.CopyTo(field);
        field[span.Length..].Clear();
    }

    public bool Equals(Gb26875Description? other) => other is not null && Bytes.Span.SequenceEqual(other.Bytes.Span);

    public override bool Equals(object? obj) => Equals(obj as Gb26875Description);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes.Span);
        return hash.ToHashCode();
    }

    public override string ToString() => Text;

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
