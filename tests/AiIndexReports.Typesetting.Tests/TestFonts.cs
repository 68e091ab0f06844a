using AiIndexReports.Typesetting.Fonts;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>The repository's brief fonts, loaded once for all tests (faces cache shaped words).</summary>
public static class TestFonts
{
    static readonly Lazy<FontLibrary> Shared = new(Load);

    public static FontLibrary Library => Shared.Value;

    public static string FontDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "templates", "fonts");
        }
    }

    public static FontLibrary Load()
    {
        var d = FontDirectory;
        return new FontLibrary()
            .Add("Pretendard", SKFontStyleWeight.Normal, Path.Combine(d, "Pretendard-Regular.ttf"))
            .Add("Pretendard", SKFontStyleWeight.SemiBold, Path.Combine(d, "Pretendard-SemiBold.ttf"))
            .Add("Pretendard", SKFontStyleWeight.Bold, Path.Combine(d, "Pretendard-Bold.ttf"))
            .Add("NanumGothic", SKFontStyleWeight.Normal, Path.Combine(d, "NanumGothic.ttf"))
            .Add("NanumGothic", SKFontStyleWeight.Bold, Path.Combine(d, "NanumGothicBold.ttf"));
    }

    public static Theme Theme { get; } = Theme.Create("Pretendard", "NanumGothic");
}
