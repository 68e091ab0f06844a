using System.Text;
using PdfSharp.Pdf;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// Undoes what PDFsharp 6.2.4 writes into every file it saves: Producer becomes "PDFsharp 6.2.4 (Original: …)", a
/// missing Creator becomes "PDFsharp 6.2.4 (www.pdfsharp.com)", and a new XMP packet carries two random uuids (so
/// no two saves are equal). None of this can be switched off, so before saving the Info entries get ASCII
/// placeholders PDFsharp keeps verbatim, and afterwards the placeholders and the XMP packet are overwritten in place
/// with the document's own values, padded with whitespace to the same byte length so no offset in the file moves.
/// Every pattern must occur exactly once, so a PDFsharp upgrade that changes its output fails loudly here.
/// </summary>
internal sealed class PdfSharpStamps
{
    public sealed record Result(byte[]? Pdf, int MissingXmpRoom);

    private const string ProducerKey = "/Producer";
    private const string CreatorKey = "/Creator";
    private const string XmpBegin = "<?xpacket begin=";
    private const string XmpEnd = "<?xpacket end=\"w\"?>";

    private readonly string? _producer;
    private readonly string? _creator;
    private readonly string _producerSlot;
    private readonly string _creatorSlot;
    private readonly byte[] _xmpHead;

    private PdfSharpStamps(string? producer, string? creator, string producerSlot, string creatorSlot, byte[] xmpHead)
    {
        (_producer, _creator, _producerSlot, _creatorSlot, _xmpHead) = (producer, creator, producerSlot, creatorSlot, xmpHead);
    }

    /// <summary>Reads the Producer/Creator Skia wrote and puts placeholders in their place.</summary>
    public static PdfSharpStamps Prepare(PdfDocument document, PdfPostProcessOptions options, byte[] documentId, int extraXmpRoom)
    {
        var info = document.Info;
        var producer = NullIfEmpty(info.Producer);
        var creator = NullIfEmpty(info.Creator);
        var xmpHead = XmpPacketHead(info, producer, creator, options, documentId);

        // PDFsharp keeps a Producer verbatim only when it starts with "PDFsharp", and any Creator that is set.
        // A slot must be long enough for the real value as a UTF-16 hex string; the producer slot also carries
        // the extra room the XMP packet may need (it is copied into PDFsharp's packet).
        var producerSlot = Slot("PDFsharp-AiIndexReports-Producer-", producer, extraXmpRoom);
        var creatorSlot = Slot("AiIndexReports-Creator-", creator, 0);
        info.Elements.SetString(ProducerKey, producerSlot);
        info.Elements.SetString(CreatorKey, creatorSlot);
        return new PdfSharpStamps(producer, creator, producerSlot, creatorSlot, xmpHead);
    }

    public Result Neutralize(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf); // one char per byte: indexes are byte offsets
        var output = (byte[])pdf.Clone();

        // PDFsharp's packet is the one holding the producer placeholder (an input made with PdfA = true has Skia's too).
        var producerInXmp = SingleIndexOf(text, $"<pdf:Producer>{_producerSlot}</pdf:Producer>", "XMP producer placeholder");
        var packetStart = text.LastIndexOf(XmpBegin, producerInXmp, StringComparison.Ordinal);
        var packetEnd = text.IndexOf(XmpEnd, producerInXmp, StringComparison.Ordinal) + XmpEnd.Length;
        if (packetStart < 0 || packetEnd < XmpEnd.Length)
            throw new InvalidOperationException("PDFsharp's output changed: its XMP packet has no xpacket header or trailer.");
        var room = packetEnd - packetStart;
        var missing = _xmpHead.Length + 1 + XmpEnd.Length - room; // + the newline before the trailer
        if (missing > 0)
            return new Result(null, missing);
        // XMP's own padding: whitespace before the packet trailer, so readers that rewrite the packet in place can.
        var packet = new byte[room];
        packet.AsSpan().Fill((byte)' ');
        _xmpHead.CopyTo(packet, 0);
        Encoding.ASCII.GetBytes(XmpEnd).CopyTo(packet, room - XmpEnd.Length);
        packet[room - XmpEnd.Length - 1] = (byte)'\n';
        packet.CopyTo(output, packetStart);

        ReplaceEntry(text, output, ProducerKey, _producerSlot, _producer);
        ReplaceEntry(text, output, CreatorKey, _creatorSlot, _creator);
        return new Result(output, 0);
    }

    private static void ReplaceEntry(string text, byte[] output, string key, string slot, string? value)
    {
        var entry = $"{key}({slot})";
        var start = SingleIndexOf(text, entry, $"the {key} placeholder");
        var replacement = value is null ? "" : key + HexTextString(value);
        Overwrite(output, start, entry.Length, Encoding.ASCII.GetBytes(replacement));
    }

    /// <summary>Writes <paramref name="replacement"/> and fills the rest of the range with spaces (PDF whitespace).</summary>
    private static void Overwrite(byte[] output, int start, int length, byte[] replacement)
    {
        if (replacement.Length > length)
            throw new InvalidOperationException($"Internal: {replacement.Length} bytes do not fit into {length}.");
        replacement.CopyTo(output, start);
        output.AsSpan(start + replacement.Length, length - replacement.Length).Fill((byte)' ');
    }

    private static int SingleIndexOf(string text, string pattern, string what)
    {
        var first = text.IndexOf(pattern, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(pattern, first + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"PDFsharp's output changed: expected exactly one {what} (\"{pattern}\"), found {(first < 0 ? "none" : "several")}.");
        return first;
    }

    private static string Slot(string prefix, string? value, int extra)
    {
        var needed = value is null ? 0 : HexTextString(value).Length;
        return prefix + new string('X', Math.Max(8, needed + extra - prefix.Length));
    }

    /// <summary>A PDF text string as UTF-16BE with byte order mark, in hex: unambiguous for any language.</summary>
    private static string HexTextString(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// The XMP packet that replaces PDFsharp's, up to its trailer: the Info values, the language, pinned dates and
    /// ids derived from the file identifier.
    /// </summary>
    private static byte[] XmpPacketHead(PdfDocumentInformation info, string? producer, string? creator, PdfPostProcessOptions options, byte[] documentId)
    {
        var date = options.CreationUtc.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var uuid = Convert.ToHexStringLower(documentId).Insert(20, "-").Insert(16, "-").Insert(12, "-").Insert(8, "-");
        var xml = new StringBuilder()
            .Append(XmpBegin).Append("\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
            .Append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n")
            .Append("<dc:format>application/pdf</dc:format>\n");
        AppendIfAny(xml, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", info.Title, "</rdf:li></rdf:Alt></dc:title>");
        AppendIfAny(xml, "<dc:creator><rdf:Seq><rdf:li>", info.Author, "</rdf:li></rdf:Seq></dc:creator>");
        AppendIfAny(xml, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", info.Subject, "</rdf:li></rdf:Alt></dc:description>");
        AppendIfAny(xml, "<dc:language><rdf:Bag><rdf:li>", options.Language, "</rdf:li></rdf:Bag></dc:language>");
        AppendIfAny(xml, "<pdf:Keywords>", info.Keywords, "</pdf:Keywords>");
        AppendIfAny(xml, "<pdf:Producer>", producer, "</pdf:Producer>");
        AppendIfAny(xml, "<xmp:CreatorTool>", creator, "</xmp:CreatorTool>");
        xml.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n")
            .Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n")
            .Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n")
            .Append("<xmpMM:DocumentID>uuid:").Append(uuid).Append("</xmpMM:DocumentID>\n")
            .Append("<xmpMM:InstanceID>uuid:").Append(uuid).Append("</xmpMM:InstanceID>\n")
            .Append("</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    private static void AppendIfAny(StringBuilder xml, string open, string? value, string close)
    {
        if (!string.IsNullOrEmpty(value))
            xml.Append(open).Append(System.Security.SecurityElement.Escape(value)).Append(close).Append('\n');
    }
}
