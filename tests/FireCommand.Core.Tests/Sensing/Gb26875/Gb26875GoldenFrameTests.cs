using System.Text.Json.Nodes;
using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Core.Tests.Sensing.Gb26875;

/// <summary>
/// Every worked example of the standard decodes to the values the reference file states, and encodes from
/// its decoded form back to the same bytes.
/// </summary>
public sealed class Gb26875GoldenFrameTests
{
    public static TheoryData<string> Names => ReferenceFrames.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void ReferenceFrame_DecodesToTheStatedValues(string name)
    {
        var entry = ReferenceFrames.Get(name);
        var bytes = ReferenceFrames.Bytes((string)entry["hex"]!);

        var result = Gb26875FrameCodec.Decode(bytes);

        Assert.Equal((bool)entry["checksum_valid"]!, result.ChecksumValid);
        Assert.True(result.IsValid, result.Error);
        var actual = ReferenceFrames.Render(w => Gb26875Json.WriteFrame(w, result));
        var expected = entry["expect"]!;
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected\n{expected.ToJsonString()}\nactual\n{actual.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReferenceFrame_EncodesFromItsDecodedFormByteForByte(string name)
    {
        var entry = ReferenceFrames.Get(name);
        var bytes = ReferenceFrames.Bytes((string)entry["hex"]!);
        var frame = Gb26875FrameCodec.Decode(bytes).Frame ?? throw new InvalidDataException($"{name} does not decode");

        Assert.Equal(Gb26875Json.Hex(bytes), Gb26875Json.Hex(Gb26875FrameCodec.Encode(frame)));
    }

    [Theory]
    [InlineData("fire-alarm-component-state", "centre-ack", Gb26875Command.Confirm)]
    [InlineData("fire-alarm-component-state", "centre-nak", Gb26875Command.Deny)]
    [InlineData("init-uitd", "device-ack", Gb26875Command.Confirm)]
    [InlineData("duty-check", "device-nak", Gb26875Command.Deny)]
    public void Answer_ToAReferenceFrame_IsTheReferenceAnswer(string sent, string answer, Gb26875Command command)
    {
        var frame = Gb26875FrameCodec.Decode(ReferenceFrames.Bytes((string)ReferenceFrames.Get(sent)["hex"]!)).Frame!;
        var expected = ReferenceFrames.Bytes((string)ReferenceFrames.Get(answer)["hex"]!);

        // The examples answer three seconds after the frame's own label (09:58:32 → 09:58:35).
        var at = frame.TimeLabel with { Second = (byte)(frame.TimeLabel.Second + 3) };
        Assert.Equal(Gb26875Json.Hex(expected), Gb26875Json.Hex(Gb26875FrameCodec.Encode(frame.Answer(command, at))));
    }
}
