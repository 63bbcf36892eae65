namespace FireCommand.Core.Sensing.Cap;

/// <summary>CAP 1.2 <c>status</c>: who the message is meant to be acted on by.</summary>
public enum CapStatus { Actual, Exercise, System, Test, Draft }

/// <summary>CAP 1.2 <c>msgType</c>.</summary>
public enum CapMessageType { Alert, Update, Cancel, Ack, Error }

/// <summary>CAP 1.2 <c>scope</c>.</summary>
public enum CapScope { Public, Restricted, Private }

/// <summary>CAP 1.2 <c>urgency</c>: how soon action is needed.</summary>
public enum CapUrgency { Immediate, Expected, Future, Past, Unknown }

/// <summary>CAP 1.2 <c>severity</c>.</summary>
public enum CapSeverity { Extreme, Severe, Moderate, Minor, Unknown }

/// <summary>CAP 1.2 <c>certainty</c>: <c>Observed</c> for a confirmed fire, <c>Possible</c> for one waiting to be verified.</summary>
public enum CapCertainty { Observed, Likely, Possible, Unlikely, Unknown }

/// <summary>A circle of a CAP area: centre in WGS-84 and radius in kilometres (CAP's own unit).</summary>
public sealed record CapCircle(double Latitude, double Longitude, double RadiusKilometers);

/// <summary>
/// A CAP area: its description and the place's outline (rings of [longitude, latitude] as GeoJSON has
/// them; each written closed) or a circle around it, in WGS-84 as CAP requires.
/// </summary>
public sealed record CapArea(string Description, IReadOnlyList<IReadOnlyList<double[]>> Polygons, IReadOnlyList<CapCircle> Circles);

/// <summary>One <c>info</c> block: one language's text of the warning.</summary>
public sealed record CapInfo(
    string Language,
    string Event,
    CapUrgency Urgency,
    CapSeverity Severity,
    CapCertainty Certainty,
    string Headline,
    string? Description,
    string? Instruction,
    string SenderName,
    DateTimeOffset? Expires,
    string? Web,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<CapArea> Areas);

/// <summary>
/// A warning as an OASIS CAP 1.2 alert. <see cref="References"/> name earlier alerts this one updates or
/// cancels (their sender, identifier and sent time). Times keep their offset: CAP forbids "Z" and
/// fractional seconds, so <see cref="CapWriter"/> writes them as <c>2026-12-03T17:02:05+08:00</c>.
/// </summary>
public sealed record CapAlert(
    string Identifier,
    string Sender,
    DateTimeOffset Sent,
    CapStatus Status,
    CapMessageType MessageType,
    CapScope Scope,
    IReadOnlyList<CapReference> References,
    string? Incidents,
    IReadOnlyList<CapInfo> Info);

/// <summary>An earlier alert that this one follows up.</summary>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent);
