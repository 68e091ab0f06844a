using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Pdf;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Export;

/// <summary>
/// Draws page frames with SkiaSharp's PDF backend and the subset fonts — for a tagged file with a
/// <see cref="BlockMarker"/> between frame blocks, so that each becomes one marked-content sequence — and hands the
/// result to <see cref="PdfFinisher"/>.
/// </summary>
internal static class PdfExporter
{
    public static byte[] Export(LayoutResult layout, DocumentMetadata meta, FontLibrary fonts, IReadOnlyDictionary<FontFace, SKTypeface> subsets, GlyphUsage usage,
        IReadOnlyDictionary<string, FontProgram> fontPrograms, PhaseClock? phases = null)
    {
        var tagged = meta.Standard != PdfStandard.None;
        var skiaMetadata = new SKDocumentPdfMetadata
        {
            Title = meta.Title, Author = meta.Author, Subject = meta.Subject, Keywords = meta.Keywords,
            Creator = meta.Creator, Producer = meta.Producer, Creation = meta.CreatedUtc, Modified = meta.CreatedUtc,
            RasterDpi = 300, EncodingQuality = 95, PdfA = false, // PdfA would add time-based ids; the finisher writes our own
        };
        // Skia writes many small pieces: a native memory stream keeps them on the native side (no managed callback each).
        using var output = new SKDynamicMemoryWStream();
        var drawn = new HashSet<Frames.FrameBlock>();
        using (var drawer = new FrameDrawer(fonts, subsets))
        using (var pdf = SKDocument.CreatePdf(output, skiaMetadata))
        {
            // Charts are recorded on the other core while the pages before them are drawn.
            drawer.RecordAhead(layout.Pages.SelectMany(p => p.Blocks).SelectMany(b => b.Items));
            foreach (var page in layout.Pages)
            {
                var canvas = pdf.BeginPage(page.Size.Width, page.Size.Height);
                var markers = 0;
                foreach (var block in page.Blocks)
                {
                    if (!drawer.Draws(block.Items)) continue; // nothing drawn: no marked content either
                    drawn.Add(block);
                    if (tagged) BlockMarker.Draw(canvas, markers++);
                    drawer.Draw(canvas, block.Items);
                }
                if (tagged && markers > 0) BlockMarker.Draw(canvas, markers); // the end of the page's last block
                pdf.EndPage();
            }
            phases?.Lap("pdf (skia pages)");
            pdf.Close();
        }
        var outline = layout.Headings.Select(h => new PdfOutlineEntry(h.Title, h.PageIndex, h.Level)).ToList();
        using var data = output.DetachAsData();
        phases?.Lap("pdf (skia fonts)");
        var finished = PdfFinisher.Finish(data.ToArray(), new PdfDocumentInfo(layout.Pages, drawn, layout.Structure, outline, meta, meta.Standard,
            ToUnicodeCompletion.GlyphTexts(usage), fontPrograms));
        phases?.Lap("pdf (finish)");
        return finished;
    }
}
