using System.Globalization;
using AiIndexReports.Charts;
using AiIndexReports.Config;
using AiIndexReports.Typesetting;
using AiIndexReports.Typesetting.Fonts;
using SkiaSharp;

namespace AiIndexReports.Briefs;

/// <summary>Font files of a brief, relative to templates/.</summary>
public sealed record BriefFonts(string Regular, string SemiBold, string Bold, string FallbackRegular, string FallbackBold)
{
    public const string Family = "Pretendard";
    public const string FallbackFamily = "NanumGothic";

    public IEnumerable<string> All => [Regular, SemiBold, Bold, FallbackRegular, FallbackBold];

    /// <summary>Loads the faces; a missing or unreadable file is an error naming its repo-relative path.</summary>
    public FontLibrary Load(string templatesRoot)
    {
        var library = new FontLibrary();
        try
        {
            return library
                .Add(Family, SKFontStyleWeight.Normal, Path.Combine(templatesRoot, Regular))
                .Add(Family, SKFontStyleWeight.SemiBold, Path.Combine(templatesRoot, SemiBold))
                .Add(Family, SKFontStyleWeight.Bold, Path.Combine(templatesRoot, Bold))
                .Add(FallbackFamily, SKFontStyleWeight.Normal, Path.Combine(templatesRoot, FallbackRegular))
                .Add(FallbackFamily, SKFontStyleWeight.Bold, Path.Combine(templatesRoot, FallbackBold));
        }
        catch (FontLoadException e)
        {
            // A file with a TrueType header can still be cut short or corrupt; name it as the theme does, not by absolute path.
            library.Dispose();
            var relative = "templates/" + Path.GetRelativePath(templatesRoot, e.Path).Replace('\\', '/');
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relative),
                e.Message[(e.Path.Length + 2)..] + " (a font named in templates/theme.toml [fonts]; expected a static TrueType .ttf)"));
        }
    }
}

/// <summary>
/// templates/theme.toml: the look of every brief (page, fonts, sizes, colours, chart palette), editable by editors.
/// Unknown keys, non-positive sizes, negative margins, bad colours and missing font files are errors with their line.
/// </summary>
public sealed record BriefTheme(
    SKSize PageSize,
    Spacing Margins,
    BriefFonts Fonts,
    float BodySize, float LineHeight, float TableSize, float TableLineHeight, float NoteSize, float CaptionSize,
    float H1Size, float H2Size, float ParagraphSpacing, bool Justify,
    SKColor Text, SKColor Muted, SKColor Accent, SKColor SummaryBackground, SKColor SummaryBorder,
    SKColor TableHeaderBackground, SKColor TableBorder, SKColor Link,
    ChartTheme Chart, float ChartHeight)
{
    public const string DefaultPath = "templates/theme.toml";

    public static BriefTheme Load(string repoRoot, string relativePath = DefaultPath)
    {
        var path = Path.Combine(repoRoot, relativePath);
        if (!File.Exists(path))
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relativePath), "theme file not found (expected templates/theme.toml)"));
        var errors = new List<Diagnostic>();
        var root = TomlSection.Parse(File.ReadAllText(path), relativePath, errors) ?? throw new BuildFailedException(errors);

        float Size(TomlSection? s, string key, float fallback, float min = 0.01f, float max = 200f)
        {
            if (s is null) return fallback;
            var v = s.Number(key);
            if (v is null) return fallback;
            if (v < min || v > max)
            {
                errors.Add(new Diagnostic(s.WhereIs(key), $"'{key}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {v.Value.ToString(CultureInfo.InvariantCulture)}"));
                return fallback;
            }
            return (float)v.Value;
        }

        SKColor Color(TomlSection? s, string key, string fallback)
        {
            var text = s?.String(key) ?? fallback;
            if (SKColor.TryParse(text, out var c) && text.StartsWith('#') && text.Length == 7) return c;
            errors.Add(new Diagnostic(s!.WhereIs(key), $"'{key}' must be a colour written \"#RRGGBB\", found \"{text}\""));
            return SKColor.Parse(fallback);
        }

        var page = root.Table("page");
        var pageSize = page?.String("size") ?? "A4";
        if (pageSize != "A4") errors.Add(new Diagnostic(page!.WhereIs("size"), $"page size must be \"A4\", found \"{pageSize}\""));
        var margins = new Spacing(
            Size(page, "margin_top", 62, 0, 200), Size(page, "margin_right", 62, 0, 200),
            Size(page, "margin_bottom", 56, 0, 200), Size(page, "margin_left", 62, 0, 200));
        page?.RejectUnknownKeys();

        var f = root.Table("fonts", required: true);
        string Font(string key)
        {
            var rel = f?.String(key, required: true) ?? "";
            if (rel.Length == 0) return rel;
            var full = Path.GetFullPath(Path.Combine(repoRoot, "templates", rel));
            var templates = Path.GetFullPath(Path.Combine(repoRoot, "templates")) + Path.DirectorySeparatorChar;
            if (!full.StartsWith(templates, StringComparison.Ordinal))
                errors.Add(new Diagnostic(f!.WhereIs(key), $"font path '{rel}' must stay inside templates/"));
            else if (!File.Exists(full))
                errors.Add(new Diagnostic(f!.WhereIs(key), $"font file not found: templates/{rel} (expected a static TrueType .ttf)"));
            else if (!IsTrueType(full))
                errors.Add(new Diagnostic(f!.WhereIs(key), $"templates/{rel} is not a TrueType font (its first bytes are not a TrueType header); expected a static TrueType .ttf"));
            return rel;
        }
        var fonts = new BriefFonts(Font("regular"), Font("semibold"), Font("bold"), Font("fallback_regular"), Font("fallback_bold"));
        f?.RejectUnknownKeys();

        var t = root.Table("text");
        var body = Size(t, "body_size", 10.5f, 5, 30);
        var lineHeight = Size(t, "line_height", 1.65f, 1, 3);
        var tableSize = Size(t, "table_size", 9, 5, 30);
        var tableLineHeight = Size(t, "table_line_height", 1.3f, 1, 3);
        var noteSize = Size(t, "note_size", 8.5f, 5, 30);
        var captionSize = Size(t, "caption_size", 10, 5, 30);
        var h1 = Size(t, "h1_size", 15, 5, 60);
        var h2 = Size(t, "h2_size", 12, 5, 60);
        var spacing = Size(t, "paragraph_spacing", 5, 0, 60);
        var justify = t?.Boolean("justify") ?? true;
        t?.RejectUnknownKeys();

        var c = root.Table("colors");
        var text = Color(c, "text", "#1F2328");
        var muted = Color(c, "muted", "#5B6470");
        var accent = Color(c, "accent", "#1B4F8A");
        var summaryBackground = Color(c, "summary_background", "#EEF3F9");
        var summaryBorder = Color(c, "summary_border", "#1B4F8A");
        var tableHeader = Color(c, "table_header_background", "#E4ECF5");
        var tableBorder = Color(c, "table_border", "#9AA8B8");
        var link = Color(c, "link", "#1B4F8A");
        c?.RejectUnknownKeys();

        var ch = root.Table("chart");
        var palette = ch?.List<string>("palette", "colours \"#RRGGBB\"") ?? [];
        foreach (var p in palette)
            if (!(p.Length == 7 && p.StartsWith('#') && SKColor.TryParse(p, out _)))
                errors.Add(new Diagnostic(ch!.WhereIs("palette"), $"palette colours must be written \"#RRGGBB\", found \"{p}\""));
        var chart = ChartTheme.Default with
        {
            FontFamily = BriefFonts.Family,
            Palette = palette.Count > 0 ? palette : ChartTheme.Default.Palette,
            KoreaColor = ch?.String("korea") ?? ChartTheme.Default.KoreaColor,
            TitleSize = Size(ch, "title_size", ChartTheme.Default.TitleSize, 4, 30),
            LabelSize = Size(ch, "label_size", ChartTheme.Default.LabelSize, 4, 30),
            TickSize = Size(ch, "tick_size", ChartTheme.Default.TickSize, 4, 30),
        };
        var chartHeight = Size(ch, "height", 215, 60, 700);
        ch?.RejectUnknownKeys();
        root.RejectUnknownKeys();

        if (errors.Count > 0) throw new BuildFailedException(errors);
        return new BriefTheme(PageSizes.A4, margins, fonts, body, lineHeight, tableSize, tableLineHeight, noteSize, captionSize,
            h1, h2, spacing, justify, text, muted, accent, summaryBackground, summaryBorder, tableHeader, tableBorder, link, chart, chartHeight);
    }

    /// <summary>The typesetting engine's theme for these settings.</summary>
    /// <summary>
    /// Whether a file starts like a TrueType font (sfnt version 0x00010000 or "true"), so a renamed or corrupt file is
    /// reported at its theme line rather than as a typesetting failure deep in the build.
    /// </summary>
    private static bool IsTrueType(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4
            && (head.SequenceEqual(new byte[] { 0, 1, 0, 0 }) || head.SequenceEqual("true"u8));
    }

    public Theme ToTypesettingTheme()
    {
        var baseTheme = Theme.Create(BriefFonts.Family, BriefFonts.FallbackFamily);
        var textStyle = baseTheme.Body.Text with { Size = BodySize, Color = Text };
        var body = baseTheme.Body with
        {
            Text = textStyle, LineHeight = LineHeight, SpaceAfter = ParagraphSpacing * 0.4f,
            Align = Justify ? TextAlign.Justify : TextAlign.Left,
        };
        ParagraphStyle Restyle(ParagraphStyle s, float size, SKColor color, float lineHeight) =>
            s with { Text = s.Text with { Size = size, Color = color }, LineHeight = lineHeight, Align = s.Align == TextAlign.Justify && !Justify ? TextAlign.Left : s.Align };

        var bullets = baseTheme.Bullets.Select((b, i) => b with
        {
            Paragraph = Restyle(b.Paragraph, i == 0 ? BodySize + 0.5f : i == 3 ? NoteSize + 0.5f : BodySize - (i == 2 ? 0.5f : 0), Text, LineHeight) with
            {
                SpaceBefore = i == 0 ? ParagraphSpacing : 0,
                SpaceAfter = ParagraphSpacing * 0.3f,
            },
        }).ToList();

        return baseTheme with
        {
            Body = body,
            Headings =
            [
                Restyle(baseTheme.Headings[0], H1Size, Accent, 1.35f) with { RuleColor = Accent, SpaceBefore = 18, SpaceAfter = 8 },
                Restyle(baseTheme.Headings[1], H2Size, Text, 1.35f),
                .. baseTheme.Headings.Skip(2),
            ],
            Bullets = bullets,
            Caption = Restyle(baseTheme.Caption, CaptionSize, Text, 1.4f),
            SourceNote = Restyle(baseTheme.SourceNote, NoteSize, Muted, 1.4f),
            Table = baseTheme.Table with
            {
                Header = Restyle(baseTheme.Table.Header, TableSize, Text, TableLineHeight),
                Body = Restyle(baseTheme.Table.Body, TableSize, Text, TableLineHeight),
                HeaderBackground = TableHeaderBackground,
                RuleColor = TableBorder,
                OuterRuleColor = Accent,
            },
            Box = baseTheme.Box with { Background = SummaryBackground, BorderColor = SummaryBorder },
            PageHeader = Restyle(baseTheme.PageHeader, NoteSize, Muted, 1.2f),
            PageFooter = Restyle(baseTheme.PageFooter, NoteSize + 0.5f, Muted, 1.2f),
        };
    }
}
