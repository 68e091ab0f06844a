using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>One bookmark: <paramref name="PageIndex"/> is 0-based, <paramref name="Level"/> 1-based (1 = top level).</summary>
public sealed record PdfOutlineEntry(string Title, int PageIndex, int Level);

/// <summary>Which standards the PDF claims and is written to meet.</summary>
public enum PdfStandard
{
    /// <summary>A plain PDF 1.7: bookmarks, links and /Lang, no structure tree, no PDF/A claims.</summary>
    None,
    /// <summary>Tagged PDF/UA-1 (ISO 14289-1) and PDF/A-2a (ISO 19005-2, level A) at once: the default.</summary>
    Ua1A2a,
}

public static class PdfStandards
{
    /// <summary>The option's spellings: "ua1+a2a" (default) and "none".</summary>
    public static readonly IReadOnlyList<string> Names = ["ua1+a2a", "none"];

    public static string Name(PdfStandard standard) => standard == PdfStandard.None ? "none" : "ua1+a2a";

    /// <summary>Parses an option value; null when it names no known standard.</summary>
    public static PdfStandard? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "ua1+a2a" or "ua-1+a-2a" or "pdf/ua-1+pdf/a-2a" => PdfStandard.Ua1A2a,
        "none" => PdfStandard.None,
        _ => null,
    };
}

/// <summary>What the PDF finisher needs besides Skia's drawing: the frames, the structure, bookmarks and metadata.</summary>
/// <param name="GlyphTexts">Font PostScript name → glyph id → text, for glyphs the font's cmap does not reach.</param>
/// <param name="Drawn">The blocks the exporter drew (a marker before each); blocks that drew nothing have no marked content.</param>
/// <param name="FontPrograms">Font PostScript name → the subset to embed in place of the outline-free copy Skia drew with.</param>
internal sealed record PdfDocumentInfo(IReadOnlyList<PageFrame> Pages, IReadOnlySet<FrameBlock> Drawn, StructNode Structure, IReadOnlyList<PdfOutlineEntry> Outline,
    DocumentMetadata Metadata, PdfStandard Standard, IReadOnlyDictionary<string, IReadOnlyDictionary<ushort, string>> GlyphTexts,
    IReadOnlyDictionary<string, FontProgram> FontPrograms);
