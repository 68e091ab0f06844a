using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// Adds what SkiaSharp's PDF backend (3.119) cannot write — bookmarks, the catalog's /Lang, the outline page mode —
/// and pins every value that would make two builds differ (dates, file identifier, XMP ids), using PDFsharp 6.2.4.
/// Skia's page content, fonts, link annotations and named destinations pass through unchanged (streams stay
/// Flate-compressed as Skia wrote them). Same input bytes and options → same output bytes, in any time zone.
/// </summary>
public static class PdfPostProcessor
{
    /// <exception cref="ArgumentException">An option is invalid (named in the message).</exception>
    /// <exception cref="InvalidDataException">The bytes are not a PDF that PDFsharp can open.</exception>
    public static byte[] Apply(byte[] pdf, PdfPostProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        var documentId = DocumentId(options.DocumentIdSeed, pdf);
        // PDFsharp stamps its own Producer/Creator and random XMP ids on save; PdfSharpStamps swaps them for the
        // document's own values afterwards, which needs room in the file. The rare second pass gets more room.
        var result = Save(pdf, options, documentId, extraXmpRoom: 0);
        if (result.MissingXmpRoom > 0)
            result = Save(pdf, options, documentId, result.MissingXmpRoom);
        return result.Pdf ?? throw new InvalidOperationException("The XMP metadata did not fit after making room for it.");
    }

    private static PdfSharpStamps.Result Save(byte[] pdf, PdfPostProcessOptions options, byte[] documentId, int extraXmpRoom)
    {
        using var document = Open(pdf);
        ValidateOutlinePages(options.Outline, document.PageCount);

        AddOutline(document, options.Outline);
        document.Language = options.Language;
        if (options.Outline.Count > 0)
            document.PageMode = PdfPageMode.UseOutlines;
        // Opening in Modify mode set ModificationDate to now and a random second file id.
        document.Info.CreationDate = options.CreationUtc;
        document.Info.ModificationDate = options.CreationUtc;
        var rawId = Encoding.Latin1.GetString(documentId);
        document.Internals.FirstDocumentID = rawId;
        document.Internals.SecondDocumentID = rawId;
        // Any other colour mode makes PDFsharp add a transparency group to every page, which Skia's pages do not need.
        document.Options.ColorMode = PdfColorMode.Undefined;

        var stamps = PdfSharpStamps.Prepare(document, options, documentId, extraXmpRoom);
        using var output = new MemoryStream(pdf.Length + 8192);
        document.Save(output);
        return stamps.Neutralize(output.ToArray());
    }

    private static PdfDocument Open(byte[] pdf)
    {
        try
        {
            return PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var start = string.Concat(pdf.Take(8).Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.'));
            throw new InvalidDataException(
                $"Not a PDF that PDFsharp can open ({pdf.Length} bytes starting with \"{start}\"): {error.Message}", error);
        }
    }

    private static void AddOutline(PdfDocument document, IReadOnlyList<PdfOutlineEntry> entries)
    {
        // Open ancestors: PDFsharp counts an item's visible descendants only for items added as opened.
        var open = new Stack<(int Level, PdfOutline Item)>();
        foreach (var entry in entries)
        {
            while (open.Count > 0 && open.Peek().Level >= entry.Level)
                open.Pop();
            var siblings = open.Count > 0 ? open.Peek().Item.Outlines : document.Outlines;
            var page = document.Pages[entry.PageIndex];
            var item = siblings.Add(entry.Title, page, opened: true);
            // Jump to the top of the page at the reader's current zoom (/XYZ null top null).
            item.PageDestinationType = PdfPageDestinationType.Xyz;
            item.Top = page.MediaBox.Y2;
            open.Push((entry.Level, item));
        }
    }

    private static byte[] DocumentId(string seed, byte[] pdf)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(seed));
        sha.AppendData(pdf);
        return sha.GetHashAndReset()[..16]; // a PDF file identifier is conventionally 16 bytes
    }

    private static void ValidateOptions(PdfPostProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Outline, nameof(options.Outline));
        ArgumentNullException.ThrowIfNull(options.DocumentIdSeed, nameof(options.DocumentIdSeed));
        if (string.IsNullOrWhiteSpace(options.Language) || options.Language.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            throw new ArgumentException($"Language must be a BCP 47 tag such as \"ko-KR\", got \"{options.Language}\".", nameof(options));
        if (options.CreationUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"CreationUtc must be DateTimeKind.Utc (it is written as the PDF's creation and modification date), got {options.CreationUtc.Kind} {options.CreationUtc:yyyy-MM-dd HH:mm:ss}.", nameof(options));
        for (var i = 0; i < options.Outline.Count; i++)
        {
            var entry = options.Outline[i];
            if (string.IsNullOrWhiteSpace(entry.Title))
                throw new ArgumentException($"Outline entry {i} (page index {entry.PageIndex}) has an empty title.", nameof(options));
            if (entry.Level < 1)
                throw new ArgumentException($"Outline entry {i} \"{entry.Title}\" has level {entry.Level}; levels start at 1.", nameof(options));
        }
    }

    private static void ValidateOutlinePages(IReadOnlyList<PdfOutlineEntry> entries, int pageCount)
    {
        foreach (var entry in entries)
        {
            if (entry.PageIndex < 0 || entry.PageIndex >= pageCount)
                throw new ArgumentException($"Outline entry \"{entry.Title}\" points at page index {entry.PageIndex}, but the PDF has {pageCount} page(s) (indexes 0–{pageCount - 1}).", "options");
        }
    }
}
