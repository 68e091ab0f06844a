using AiIndexReports.Config;
using AiIndexReports.Typesetting;
using SkiaSharp;

namespace AiIndexReports.Briefs;

/// <summary>The brief's typefaces straight from their files (whole, not subset): for figure exports outside the PDF.</summary>
public sealed class FileTypefaceSource(string repoRoot, BriefFonts fonts) : ITypefaceSource, IDisposable
{
    private readonly Dictionary<(string, SKFontStyleWeight), SKTypeface> _loaded = [];

    public SKTypeface GetTypeface(string family, SKFontStyleWeight weight)
    {
        var file = (family, weight) switch
        {
            (BriefFonts.Family, SKFontStyleWeight.Normal) => fonts.Regular,
            (BriefFonts.Family, SKFontStyleWeight.SemiBold) => fonts.SemiBold,
            (BriefFonts.Family, SKFontStyleWeight.Bold) => fonts.Bold,
            (BriefFonts.FallbackFamily, SKFontStyleWeight.Bold) => fonts.FallbackBold,
            (BriefFonts.FallbackFamily, _) => fonts.FallbackRegular,
            _ => throw new TypesettingException($"no font file for {family} {weight} in templates/theme.toml"),
        };
        if (!_loaded.TryGetValue((family, weight), out var typeface))
            _loaded[(family, weight)] = typeface = SKTypeface.FromData(SKData.CreateCopy(BriefFonts.ReadFont(repoRoot, file)))
                ?? throw new FontLoadException("templates/" + file, "not a readable font");
        return typeface;
    }

    public void Dispose()
    {
        foreach (var t in _loaded.Values) t.Dispose();
    }
}
