namespace AiIndexReports.Typesetting.Fonts;

// Temporary stand-in until the pdfcore branch (FontSubsetter.cs) is merged: embeds whole fonts. Deleted then.
internal static class FontSubsetter
{
    public static byte[] Subset(byte[] fontFile, IReadOnlyCollection<int> codePoints, IReadOnlyCollection<ushort> glyphIds) => fontFile;
}
