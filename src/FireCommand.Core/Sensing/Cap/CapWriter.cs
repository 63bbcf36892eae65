using System.Globalization;
using System.Text;
using System.Xml;

namespace FireCommand.Core.Sensing.Cap;

/// <summary>
/// Writes CAP 1.2 (OASIS Common Alerting Protocol, version 1.2, 2010) XML: elements in the schema's
/// order, enumerations as the standard spells them, times without fractional seconds and with an
/// explicit offset (§3.3.2: "Z" is not allowed), polygons closed and written "lat,lon" (§3.2.4), at
/// least four points. Pure and thread-safe.
/// </summary>
public static class CapWriter
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    public const string MediaType = "application/cap+xml";

    public static string ToXml(CapAlert alert)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
            Write(xml, alert);
        // StringBuilder output is UTF-16 by nature; the document goes out as UTF-8 and says so.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static void Write(XmlWriter xml, CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        xml.WriteStartElement("alert", Namespace);
        xml.WriteElementString("identifier", Namespace, Checked(alert.Identifier, nameof(alert.Identifier)));
        xml.WriteElementString("sender", Namespace, Checked(alert.Sender, nameof(alert.Sender)));
        xml.WriteElementString("sent", Namespace, Time(alert.Sent));
        xml.WriteElementString("status", Namespace, alert.Status.ToString());
        xml.WriteElementString("msgType", Namespace, alert.MessageType.ToString());
        xml.WriteElementString("scope", Namespace, alert.Scope.ToString());
        if (alert.References.Count > 0)
            xml.WriteElementString("references", Namespace,
                string.Join(' ', alert.References.Select(r => $"{Checked(r.Sender, "reference sender")},{Checked(r.Identifier, "reference identifier")},{Time(r.Sent)}")));
        if (!string.IsNullOrWhiteSpace(alert.Incidents)) xml.WriteElementString("incidents", Namespace, alert.Incidents);
        foreach (var info in alert.Info) WriteInfo(xml, info);
        xml.WriteEndElement();
    }

    private static void WriteInfo(XmlWriter xml, CapInfo info)
    {
        xml.WriteStartElement("info", Namespace);
        xml.WriteElementString("language", Namespace, info.Language);
        xml.WriteElementString("category", Namespace, "Fire");
        xml.WriteElementString("event", Namespace, info.Event);
        xml.WriteElementString("urgency", Namespace, info.Urgency.ToString());
        xml.WriteElementString("severity", Namespace, info.Severity.ToString());
        xml.WriteElementString("certainty", Namespace, info.Certainty.ToString());
        if (info.Expires is { } expires) xml.WriteElementString("expires", Namespace, Time(expires));
        xml.WriteElementString("senderName", Namespace, info.SenderName);
        xml.WriteElementString("headline", Namespace, info.Headline);
        if (!string.IsNullOrWhiteSpace(info.Description)) xml.WriteElementString("description", Namespace, info.Description);
        if (!string.IsNullOrWhiteSpace(info.Instruction)) xml.WriteElementString("instruction", Namespace, info.Instruction);
        if (!string.IsNullOrWhiteSpace(info.Web)) xml.WriteElementString("web", Namespace, info.Web);
        foreach (var (name, value) in info.Parameters)
        {
            xml.WriteStartElement("parameter", Namespace);
            xml.WriteElementString("valueName", Namespace, name);
            xml.WriteElementString("value", Namespace, value);
            xml.WriteEndElement();
        }
        foreach (var area in info.Areas)
        {
            xml.WriteStartElement("area", Namespace);
            xml.WriteElementString("areaDesc", Namespace, area.Description);
            foreach (var ring in area.Polygons) xml.WriteElementString("polygon", Namespace, Polygon(ring));
            foreach (var c in area.Circles)
                xml.WriteElementString("circle", Namespace, string.Create(CultureInfo.InvariantCulture,
                    $"{Coordinate(c.Latitude)},{Coordinate(c.Longitude)} {c.RadiusKilometers:0.###}"));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>CAP's dateTime: seconds precision with the offset written out.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) +
        (at.Offset < TimeSpan.Zero ? "-" : "+") + at.Offset.Duration().ToString("hh':'mm", CultureInfo.InvariantCulture);

    private static string Polygon(IReadOnlyList<double[]> ring)
    {
        var points = ring.ToList();
        if (points.Count > 0 && (points[0][0] != points[^1][0] || points[0][1] != points[^1][1])) points.Add(points[0]);
        if (points.Count < 4) throw new ArgumentException("A CAP polygon needs at least three distinct points.", nameof(ring));
        return string.Join(' ', points.Select(p => $"{Coordinate(p[1])},{Coordinate(p[0])}"));
    }

    private static string Coordinate(double degrees) => degrees.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>CAP forbids spaces, commas and restricted characters (&lt; &amp;) in identifiers and senders (§3.2.1).</summary>
    private static string Checked(string value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => c is ' ' or ',' or '<' or '&' || char.IsControl(c)))
            throw new ArgumentException($"CAP {field} '{value}' may not be empty or hold spaces, commas, '<' or '&'.", field);
        return value;
    }
}
