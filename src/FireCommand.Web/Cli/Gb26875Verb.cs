using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Web.Cli;

/// <summary>
/// <c>firecommand gb26875 decode [--adu]</c> reads one frame (or with <c>--adu</c> one bare ADU) per line of
/// stdin as hex bytes, spaces optional, and prints one JSON object per line: <c>{"ok":true,"frame":{…}}</c>
/// or <c>{"ok":false,"error":"…"}</c> (with the frame as far as it could be read, e.g. behind a wrong
/// checksum); blank lines are passed over. <c>firecommand gb26875 decode-stream &lt;file&gt;</c> reads a
/// byte capture as a TCP gateway would and prints, in stream order, <c>{"emitted":{"offset","length","frame"}}</c>
/// or <c>{"rejected":{"offset","length","reason","deny"}}</c>. Exit 0 when every line decoded, 1 when one did not.
/// </summary>
internal static class Gb26875Verb
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, Console.In, stdout, ct);

    internal static async Task<int> RunAsync(CliArguments args, TextReader stdin, TextWriter stdout, CancellationToken ct)
    {
        switch (args.Positionals)
        {
            case ["decode"]:
                bool adu = args.Optional("adu") is not null;
                args.EnsureAllUsed(1);
                return await DecodeLinesAsync(stdin, stdout, adu, ct);
            case ["decode-stream", var path]:
                args.EnsureAllUsed(2);
                return await DecodeStreamAsync(path, stdout, ct);
            case ["decode-stream"]:
                throw new CliUsageException("give the capture file: gb26875 decode-stream <file>.");
            default:
                throw new CliUsageException("the gb26875 verb has two actions: gb26875 decode [--adu] (hex lines on stdin), and gb26875 decode-stream <file>.");
        }
    }

    private static async Task<int> DecodeLinesAsync(TextReader stdin, TextWriter stdout, bool adu, CancellationToken ct)
    {
        int exit = 0;
        while (await stdin.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            string json = Line(w =>
            {
                w.WriteStartObject();
                if (!TryParseHex(line, out var bytes, out var hexError)) Fail(w, hexError);
                else if (adu) WriteAdu(w, bytes);
                else WriteFrame(w, bytes);
                w.WriteEndObject();
            }, out bool ok);
            if (!ok) exit = 1;
            await stdout.WriteLineAsync(json);
        }
        await stdout.FlushAsync(ct);
        return exit;
    }

    private static void WriteFrame(Utf8JsonWriter w, byte[] bytes)
    {
        var result = Gb26875FrameCodec.Decode(bytes);
        w.WriteBoolean("ok", result.IsValid);
        if (!result.IsValid) w.WriteString("error", result.Error);
        if (result.Header is not null && result.Delimited)
        {
            w.WritePropertyName("frame");
            Gb26875Json.WriteFrame(w, result);
        }
    }

    private static void WriteAdu(Utf8JsonWriter w, byte[] bytes)
    {
        var adu = Gb26875AduCodec.Read(bytes, out var error);
        if (bytes.Length > Gb26875AduCodec.MaxLength) error = $"ADU of {bytes.Length} bytes exceeds {Gb26875AduCodec.MaxLength}";
        if (error is not null || adu is null)
        {
            Fail(w, error ?? "empty ADU");
            return;
        }
        w.WriteBoolean("ok", true);
        w.WritePropertyName("adu");
        Gb26875Json.WriteAdu(w, adu);
    }

    private static void Fail(Utf8JsonWriter w, string error)
    {
        w.WriteBoolean("ok", false);
        w.WriteString("error", error);
    }

    private static async Task<int> DecodeStreamAsync(string path, TextWriter stdout, CancellationToken ct)
    {
        var buffer = new ReadOnlySequence<byte>(await File.ReadAllBytesAsync(path, ct));
        var decoder = new Gb26875StreamDecoder();
        while (decoder.TryRead(ref buffer, isCompleted: true, out var item))
        {
            ct.ThrowIfCancellationRequested();
            await stdout.WriteLineAsync(Line(w => WriteItem(w, item), out _));
        }
        await stdout.FlushAsync(ct);
        return 0;
    }

    private static void WriteItem(Utf8JsonWriter w, Gb26875StreamItem item)
    {
        w.WriteStartObject();
        w.WriteStartObject(item.Kind == Gb26875StreamItemKind.Frame ? "emitted" : "rejected");
        w.WriteNumber("offset", item.Offset);
        w.WriteNumber("length", item.Length);
        if (item.Kind == Gb26875StreamItemKind.Frame)
        {
            w.WritePropertyName("frame");
            Gb26875Json.WriteFrame(w, item.Result!);
        }
        else
        {
            w.WriteString("reason", item.Kind == Gb26875StreamItemKind.Skipped ? "garbage: " + item.Reason : item.Reason);
            w.WriteBoolean("deny", item.DenyAdvised);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Line(Action<Utf8JsonWriter> write, out bool ok)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(output, Json)) write(w);
        using var doc = JsonDocument.Parse(output.WrittenMemory);
        ok = !doc.RootElement.TryGetProperty("ok", out var okValue) || okValue.GetBoolean();
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Hex bytes with optional whitespace between them (<c>40 40 01 00</c> or <c>40400100</c>).</summary>
    internal static bool TryParseHex(string line, out byte[] bytes, out string error)
    {
        var digits = new System.Text.StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (!char.IsAsciiHexDigit(c))
            {
                (bytes, error) = ([], string.Create(CultureInfo.InvariantCulture, $"'{c}' is not a hex digit"));
                return false;
            }
            digits.Append(c);
        }
        if (digits.Length % 2 != 0)
        {
            (bytes, error) = ([], string.Create(CultureInfo.InvariantCulture, $"odd number of hex digits ({digits.Length})"));
            return false;
        }
        (bytes, error) = (Convert.FromHexString(digits.ToString()), "");
        return true;
    }
}
