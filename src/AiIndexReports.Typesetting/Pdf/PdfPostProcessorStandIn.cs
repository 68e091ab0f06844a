namespace AiIndexReports.Typesetting.Pdf;

// Temporary stand-in until the pdfcore branch (PdfPostProcessor.cs) is merged; deleted then.
public sealed record PdfOutlineEntry(string Title, int PageIndex, int Level);

public sealed record PdfPostProcessOptions(IReadOnlyList<PdfOutlineEntry> Outline, string Language, DateTime CreationUtc, string DocumentIdSeed);

internal static class PdfPostProcessor
{
    public static byte[] Apply(byte[] pdf, PdfPostProcessOptions options) => pdf;
}
