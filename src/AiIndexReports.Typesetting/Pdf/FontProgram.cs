using AiIndexReports.Typesetting.Fonts;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// One subset font as the PDF embeds it: Skia draws with <see cref="DrawnWith"/> (the subset without outlines,
/// <see cref="OutlineFreeFont"/>), and the finisher replaces what Skia embedded from it by <see cref="Subset"/>, whose
/// compression starts on another core as soon as the program exists.
/// </summary>
internal sealed class FontProgram
{
    /// <summary>The program of a subset, or null when its tables cannot be copied without outlines (Skia then embeds it).</summary>
    /// <param name="measured">the glyphs whose outlines Skia measures for the descriptor (<see cref="OutlineFreeFont.MeasuredCharacters"/>)</param>
    public static FontProgram? For(byte[] subset, IEnumerable<ushort> measured)
    {
        try { return new FontProgram(subset, measured); }
        catch (InvalidDataException) { return null; }
    }

    private FontProgram(byte[] subset, IEnumerable<ushort> measured)
    {
        Subset = subset;
        DrawnWith = OutlineFreeFont.Of(subset, measured);
        Deflated = Task.Run(() => PdfFilters.Deflate(subset));
    }

    /// <summary>The real subset: outlines and all.</summary>
    public byte[] Subset { get; }

    /// <summary>The font Skia draws with and embeds: the subset's tables without outlines (but those Skia measures).</summary>
    public byte[] DrawnWith { get; }

    /// <summary>The subset, Flate-compressed.</summary>
    public Task<byte[]> Deflated { get; }
}
