using System.Globalization;
using System.Security;
using System.Text;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// The XMP metadata packet: the document information (equal to the Info dictionary's, as PDF/A requires), pinned dates,
/// ids derived from the file identifier, and for a tagged file the PDF/A-2a and PDF/UA-1 identification — with the
/// extension schema that declares pdfuaid, which PDF/A does not predefine.
/// </summary>
internal static class Xmp
{
    public static byte[] Packet(DocumentMetadata meta, PdfStandard standard, byte[] documentId)
    {
        var date = meta.CreatedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var uuid = Convert.ToHexStringLower(documentId).Insert(20, "-").Insert(16, "-").Insert(12, "-").Insert(8, "-");
        var x = new StringBuilder()
            .Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
            .Append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n")
            .Append("<dc:format>application/pdf</dc:format>\n");
        Optional(x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", meta.Title, "</rdf:li></rdf:Alt></dc:title>");
        Optional(x, "<dc:creator><rdf:Seq><rdf:li>", meta.Author, "</rdf:li></rdf:Seq></dc:creator>");
        Optional(x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", meta.Subject, "</rdf:li></rdf:Alt></dc:description>");
        Optional(x, "<dc:language><rdf:Bag><rdf:li>", meta.Language, "</rdf:li></rdf:Bag></dc:language>");
        Optional(x, "<pdf:Keywords>", meta.Keywords, "</pdf:Keywords>");
        Optional(x, "<pdf:Producer>", meta.Producer, "</pdf:Producer>");
        Optional(x, "<xmp:CreatorTool>", meta.Creator, "</xmp:CreatorTool>");
        x.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n")
            .Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n")
            .Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n")
            .Append("<xmpMM:DocumentID>uuid:").Append(uuid).Append("</xmpMM:DocumentID>\n")
            .Append("<xmpMM:InstanceID>uuid:").Append(uuid).Append("</xmpMM:InstanceID>\n")
            .Append("</rdf:Description>\n");
        if (standard == PdfStandard.Ua1A2a)
        {
            x.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
                .Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n</rdf:Description>\n")
                .Append("<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
                .Append("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n")
                .Append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .Append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                .Append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
                .Append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
                .Append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
                .Append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
                .Append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
                .Append("<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
                .Append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
                .Append("<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n")
                .Append("</rdf:li></rdf:Seq></pdfaSchema:property>\n")
                .Append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n");
        }
        x.Append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(x.ToString());
    }

    static void Optional(StringBuilder xml, string open, string? value, string close)
    {
        if (!string.IsNullOrEmpty(value)) xml.Append(open).Append(SecurityElement.Escape(value)).Append(close).Append('\n');
    }
}

/// <summary>
/// The sRGB IEC61966-2.1 ICC profile of the PDF/A output intent: the profile Skia's own PDF/A mode embeds
/// (by Graeme W. Gill, released into the public domain; 3,212 bytes).
/// </summary>
internal static class SrgbProfile
{
    public static byte[] Bytes { get; } = Load();
    /// <summary>Flate-compressed once per process.</summary>
    public static byte[] Deflated { get; } = PdfFilters.Deflate(Bytes);

    static byte[] Load()
    {
        using var stream = typeof(SrgbProfile).Assembly.GetManifestResourceStream("sRGB-IEC61966-2.1.icc")
            ?? throw new InvalidOperationException("the embedded sRGB ICC profile is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
