using SkiaSharp;

namespace AiIndexReports.Typesetting;

/// <summary>Gives the typeface the document draws a family and weight with (after subsetting, the subset typeface).</summary>
public interface ITypefaceSource
{
    SKTypeface GetTypeface(string family, SKFontStyleWeight weight);
}
