using System.Text;
using System.Xml;

namespace FireCommand.Core.Sensing.Cap;

/// <summary>One warning in the feed: the alert and where its CAP document can be fetched.</summary>
public sealed record CapFeedEntry(CapAlert Alert, Uri CapUrl);

/// <summary>
/// An Atom feed (RFC 4287) of current warnings, the form CAP aggregators read: one entry per alert,
/// its id the alert's identifier as a URN, its link the CAP document (type application/cap+xml), and
/// the CAP alert itself inlined as the entry's content so a reader needs no second request. Pure and
/// thread-safe.
/// </summary>
public static class CapAtomFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public const string MediaType = "application/atom+xml";

    public static string ToXml(string feedId, string title, Uri self, DateTimeOffset updated, IReadOnlyList<CapFeedEntry> entries)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, feedId);
            xml.WriteElementString("title", AtomNamespace, title);
            // Atom's updated is the newest change: the latest alert's, or the moment of asking for an empty feed.
            xml.WriteElementString("updated", AtomNamespace, AtomTime(entries.Count == 0 ? updated : entries.Max(e => e.Alert.Sent)));
            xml.WriteStartElement("link", AtomNamespace);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", self.ToString());
            xml.WriteEndElement();
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, title);
            xml.WriteEndElement();
            foreach (var entry in entries.OrderByDescending(e => e.Alert.Sent))
            {
                var alert = entry.Alert;
                var info = alert.Info.Count > 0 ? alert.Info[0] : null;
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, "urn:cap:" + alert.Sender + ":" + alert.Identifier);
                xml.WriteElementString("title", AtomNamespace, info?.Headline ?? alert.Identifier);
                xml.WriteElementString("updated", AtomNamespace, AtomTime(alert.Sent));
                xml.WriteStartElement("link", AtomNamespace);
                xml.WriteAttributeString("rel", "alternate");
                xml.WriteAttributeString("type", CapWriter.MediaType);
                xml.WriteAttributeString("href", entry.CapUrl.ToString());
                xml.WriteEndElement();
                if (info?.Description is { Length: > 0 } summary) xml.WriteElementString("summary", AtomNamespace, summary);
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", CapWriter.MediaType);
                CapWriter.Write(xml, alert);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>RFC 3339 as Atom wants it; the offset is kept (the corps' local time reads better than UTC).</summary>
    private static string AtomTime(DateTimeOffset at) => CapWriter.Time(at);
}
