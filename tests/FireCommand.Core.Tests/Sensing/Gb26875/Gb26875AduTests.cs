using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Core.Tests.Sensing.Gb26875;

/// <summary>ADU layouts of §8.3 written out by hand from the standard's tables, and malformed ADUs refused.</summary>
public sealed class Gb26875AduTests
{
    private static readonly Gb26875Time At = new(2, 58, 9, 26, 9, 12);
    private const string AtHex = "02 3A 09 1A 09 0C";

    public static TheoryData<string, string> Layouts => new()
    {
        // type, count, system type/address, state word 0x0106 sent low byte first, time
        { "upload_system_state", "01 01 01 02 06 01 " + AtHex },
        // analog: pressure (4) of 0x0019 = 25 tenths of a MPa, zone 3 point 7
        { "upload_component_analog", "03 01 0B 01 5C 03 00 07 00 04 19 00 " + AtHex },
        { "upload_component_analog_negative", "03 01 01 01 1E 01 00 01 00 03 F6 FF " + AtHex },
        { "upload_system_operation", "04 01 01 01 04 07 " + AtHex },
        { "upload_system_software_version", "05 01 01 01 02 03" },
        // system configuration: length 4, "大厅" in GB 18030
        { "upload_system_config", "06 01 01 01 04 B4 F3 CC FC" },
        { "upload_component_config", "07 01 01 01 17 0A 00 02 00 D2 BB B2 E3 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" },
        { "upload_system_time", "08 01 01 01 " + AtHex },
        { "upload_uitd_config", "1A 01 03 41 42 43" },
        { "read_system_state", "3D 02 01 01 0B 02" },
        { "read_component_state", "3E 01 01 01 0A 00 02 00" },
        { "read_component_analog", "3F 01 01 01 0A 00 02 00" },
        { "read_system_operation", "40 01 01 01 05 " + AtHex },
        { "read_system_software_version", "41 01 01 01" },
        { "read_system_config", "42 01 01 01" },
        { "read_component_config", "43 01 01 01 0A 00 02 00" },
        { "read_system_time", "44 01 01 01" },
        { "read_uitd_operation", "54 01 05 " + AtHex },
        { "read_uitd_config", "56 01 00" },
        { "sync_uitd_clock_short", "5A 01 00" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Adu_ReadsAndWritesBackTheSameBytes(string what, string hex)
    {
        var bytes = ReferenceFrames.Bytes(hex);
        var adu = Gb26875AduCodec.Read(bytes, out var error);

        Assert.True(error is null, $"{what}: {error}");
        Assert.NotNull(adu);
        Assert.True(adu.IsKnownType, what);
        Assert.Equal(adu.Count, adu.Objects.Count);
        var written = new byte[adu.Size];
        Assert.Equal(bytes.Length, Gb26875AduCodec.Write(adu, written));
        Assert.Equal(hex, Gb26875Json.Hex(written));
    }

    [Fact]
    public void SystemState_ReadsTheStateWordLowByteFirst()
    {
        var adu = Gb26875AduCodec.Read(ReferenceFrames.Bytes("01 01 01 02 06 01 " + AtHex), out _)!;
        var state = Assert.IsType<Gb26875SystemState>(Assert.Single(adu.Objects));
        Assert.Equal((1, 2, (ushort)0x0106, At), (state.SystemType, state.SystemAddress, state.Status, state.Time));
        // 0x0106: bits 1, 2 and 8 (§8.2.1.1).
        Assert.Equal(["fire_alarm", "fault", "main_power_fault"], Gb26875Names.SetBits(state.Status, Gb26875Names.SystemStatusBits));
    }

    [Fact]
    public void Analog_IsSignedAndScaledByItsStep()
    {
        var adu = Gb26875AduCodec.Read(ReferenceFrames.Bytes("03 01 01 01 1E 01 00 01 00 03 F6 FF " + AtHex), out _)!;
        var analog = Assert.IsType<Gb26875ComponentAnalog>(Assert.Single(adu.Objects));
        Assert.Equal(-10, analog.Value);
        Assert.Equal(-1.0, analog.Value * Gb26875Analog.Of(analog.AnalogType)!.Step, 6); // -1.0 °C
    }

    [Fact]
    public void Description_IsGb18030UpToTheFirstNul()
    {
        var adu = Gb26875AduCodec.Read(ReferenceFrames.Bytes(
            "07 01 01 01 17 0A 00 02 00 D2 BB B2 E3 B4 F3 CC FC 20 20 00 FF FF 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"), out var error)!;
        Assert.Null(error);
        var config = Assert.IsType<Gb26875ComponentConfiguration>(Assert.Single(adu.Objects));
        Assert.Equal("一层大厅", config.Description.Text);
    }

    [Fact]
    public void Description_FromText_CutsAtACharacterBoundary()
    {
        var d = Gb26875Description.FromText(new string('消', 20)); // 2 bytes each in GB 18030
        Assert.Equal(30, d.Bytes.Length);
        Assert.Equal(new string('消', 15), d.Text);
    }

    [Theory]
    [InlineData("02 01 01 01", "need 46 bytes, not 2")]
    [InlineData("02 02 " + "01 01 28 0A 00 02 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 " + AtHex, "2 objects of 46 bytes")]
    [InlineData("15 00", "no objects")]
    [InlineData("1A 01 05 41 42", "runs past the end")]
    [InlineData("1A 01 01 41 42", "after the last")]
    [InlineData("5A 01 00 00", "need")]
    [InlineData("15", "1 byte")]
    public void MalformedAdu_IsATypedError(string hex, string reason)
    {
        var adu = Gb26875AduCodec.Read(ReferenceFrames.Bytes(hex), out var error);
        Assert.Null(adu);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownType_IsKeptUndecodedAndWrittenBack()
    {
        var bytes = ReferenceFrames.Bytes("80 02 DE AD BE EF");
        var adu = Gb26875AduCodec.Read(bytes, out var error)!;
        Assert.Null(error);
        Assert.False(adu.IsKnownType);
        Assert.Empty(adu.Objects);
        var written = new byte[adu.Size];
        Gb26875AduCodec.Write(adu, written);
        Assert.Equal(bytes, written);
    }

    [Theory]
    [InlineData(60, 0, 0, 1, 1, 12)]
    [InlineData(0, 0, 0, 30, 2, 12)]
    [InlineData(0, 0, 0, 0, 0, 0)]
    [InlineData(0, 0, 24, 1, 1, 12)]
    public void Time_ThatNamesNoDate_IsNull(byte s, byte m, byte h, byte d, byte mo, byte y) =>
        Assert.Null(new Gb26875Time(s, m, h, d, mo, y).ToDateTime());

    [Fact]
    public void Time_29FebruaryOfALeapYear_IsADate() =>
        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 59), new Gb26875Time(59, 59, 23, 29, 2, 24).ToDateTime());
}
