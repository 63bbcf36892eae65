using FireCommand.Core.Sensing.Gb26875;

namespace FireCommand.Web.Sensing.Gb26875;

/// <summary>The TCP gateway for transmission devices, section <c>Sensing:Gb26875</c>. Validated at start.</summary>
public sealed class Gb26875GatewayOptions
{
    public const string Section = "Sensing:Gb26875";

    /// <summary>Off until the device registry and rules store what the gateway hands over.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address to listen on; <c>0.0.0.0</c> for every IPv4 interface.</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 5090;

    public int MaxConnections { get; set; } = 5000;

    /// <summary>Connections from one remote IP address; more are closed at once (one faulty device cannot take every slot).</summary>
    public int MaxConnectionsPerAddress { get; set; } = 8;

    /// <summary>A connection that sends nothing this long is closed; devices send a heartbeat every 20–30 s.</summary>
    public int IdleTimeoutSeconds { get; set; } = 90;

    /// <summary>
    /// How long a device whose last connection closed may take to reconnect before it is reported offline: a
    /// router restart or a fresh socket after an error is not a device gone. 0 reports it at once.
    /// </summary>
    public int OfflineGraceSeconds { get; set; } = 60;

    /// <summary>The largest frame accepted, at most the standard's 1054 (an ADU of 1024).</summary>
    public int MaxFrameBytes { get; set; } = Gb26875FrameCodec.MaxFrameLength;

    /// <summary>How long a downstream command waits for its answer (§6.5: "不宜大于 10 s").</summary>
    public int AnswerTimeoutSeconds { get; set; } = 10;

    /// <summary>The centre's own address in frames it sends first (12 hex digits).</summary>
    public string CentreAddress { get; set; } = "000000000000";

    internal Gb26875Address Centre => Gb26875Address.TryParse(CentreAddress, out var a) ? a : default;
}
