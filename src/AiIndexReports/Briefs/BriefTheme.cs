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

    /// <summary>
    /// The faces, each opened (memory-mapped) when a brief first uses it; a missing, refused
    /// (<see cref="ThemeFile.ResolveFont"/>: outside templates/, not a regular file, too large) or unreadable file is an
    /// error naming its repo-relative path, at once; a file with a TrueType header that is cut short or corrupt when it
    /// is first used (<see cref="Diagnose"/>).
    /// </summary>
    public FontLibrary Load(string repoRoot)
    {
        var library = new FontLibrary();
        try
        {
            foreach (var (family, weight, relative) in Faces)
            {
                var file = ResolveFont(repoRoot, relative);
                library.Add(family, weight, file.RealPath, "templates/" + relative, file.Length);
            }
            return library;
        }
        catch (FontLoadException e)
        {
            library.Dispose();
            throw new BuildFailedException(Diagnose(e));
        }
        catch (BuildFailedException)
        {
            library.Dispose();
            throw;
        }
    }

    private IEnumerable<(string Family, SKFontStyleWeight Weight, string File)> Faces =>
    [
        (Family, SKFontStyleWeight.Normal, Regular), (Family, SKFontStyleWeight.SemiBold, SemiBold), (Family, SKFontStyleWeight.Bold, Bold),
        (FallbackFamily, SKFontStyleWeight.Normal, FallbackRegular), (FallbackFamily, SKFontStyleWeight.Bold, FallbackBold),
    ];

    /// <summary>A font file of the theme, through the checks every input file gets.</summary>
    public static CheckedFile ResolveFont(string repoRoot, string relative)
    {
        var found = ThemeFile.ResolveFont(repoRoot, relative);
        return found.File ?? throw new BuildFailedException(new Diagnostic(new SourceLocation("templates/" + relative),
            found.Message + " (a font named in templates/theme.toml [fonts])"));
    }

    /// <summary>A font that could not be loaded, at the path the theme names it by.</summary>
    public static Diagnostic Diagnose(FontLoadException e) => new(new SourceLocation(e.Path),
        e.Message[(e.Path.Length + 2)..] + " (a font named in templates/theme.toml [fonts]; expected a static TrueType .ttf)");
}

/// <summary>
/// The look of every brief (page, fonts, sizes, colours, chart palette) from templates/theme.toml (read and checked by
/// <see cref="ThemeFile"/>), in the typesetting engine's and the charts' terms.
/// </summary>
public sealed record BriefTheme(
    SKSize PageSize,
    Spacing Margins,
    BriefFonts Fonts,
    float BodySize, float LineHeight, float TableSize, float TableLineHeight, float NoteSize, float CaptionSize,
    float H1Size, float H2Size, float ParagraphSpacing, bool Justify,
    SKColor Text, SKColor Muted, SKColor Accent, SKColor SummaryBackground, SKColor SummaryBorder,
    SKColor TableHeaderBackground, SKColor TableBorder, SKColor Link,
    ChartTheme Chart, float ChartHeight, float ChartMinScale,
    IReadOnlyDictionary<string, ThemeStyle> Styles, IReadOnlyDictionary<string, string> Labels,
    ThemeContents Contents, ThemeJustification Justification)
{
    /// <summary>A named style of theme.toml [styles] (the names are <see cref="ThemeFile.StyleNames"/>).</summary>
    public ThemeStyle Style(string name) => Styles[name];

    /// <summary>A label of theme.toml [labels] (the names are <see cref="ThemeFile.LabelNames"/>).</summary>
    public string Label(string name) => Labels[name];

    public const string DefaultPath = ThemeFile.DefaultPath;

    public static BriefTheme Load(string repoRoot, string relativePath = DefaultPath) => From(ThemeFile.Load(repoRoot, relativePath));

    /// <summary>The checked theme file in the typesetting engine's and the charts' terms.</summary>
    public static BriefTheme From(ThemeFile file)
    {
        SKColor Color(string name) => SKColor.Parse(file.Colors[name]);
        var f = file.Fonts;
        var c = file.Chart;
        var chart = ChartTheme.Default with
        {
            FontFamily = BriefFonts.Family,
            Palette = c.Palette.Count > 0 ? c.Palette : ChartTheme.Default.Palette,
            KoreaColor = c.Korea ?? ChartTheme.Default.KoreaColor,
            TitleSize = c.TitleSize ?? ChartTheme.Default.TitleSize,
            LabelSize = c.LabelSize ?? ChartTheme.Default.LabelSize,
            TickSize = c.TickSize ?? ChartTheme.Default.TickSize,
        };
        return new BriefTheme(PageSizes.A4, new Spacing(file.Margins.Top, file.Margins.Right, file.Margins.Bottom, file.Margins.Left),
            new BriefFonts(f.Regular, f.SemiBold, f.Bold, f.FallbackRegular, f.FallbackBold),
            file.BodySize, file.LineHeight, file.TableSize, file.TableLineHeight, file.NoteSize, file.CaptionSize,
            file.H1Size, file.H2Size, file.ParagraphSpacing, file.Justify,
            Color("text"), Color("muted"), Color("accent"), Color("summary_background"), Color("summary_border"),
            Color("table_header_background"), Color("table_border"), Color("link"), chart, c.Height, c.MinScale, file.Styles, file.Labels,
            file.Contents, file.Justification);
    }

    public Theme ToTypesettingTheme()
    {
        var baseTheme = Theme.Create(BriefFonts.Family, BriefFonts.FallbackFamily);
        var j = Justification;
        var justification = new JustificationStyle
        {
            MinWordSpace = j.MinWordSpace, MaxWordSpace = j.MaxWordSpace, LetterSpace = j.LetterSpace, MaxLetterSpace = j.MaxLetterSpace,
            ShortLastLine = j.ShortLastLine, ShortLastLineDemerits = j.ShortLastLineDemerits,
            DiscouragedBreakPenalty = j.DiscouragedBreakPenalty, TotalFit = j.TotalFit,
        };
        var textStyle = baseTheme.Body.Text with { Size = BodySize, Color = Text };
        var body = baseTheme.Body with
        {
            Text = textStyle, LineHeight = LineHeight, SpaceAfter = ParagraphSpacing * 0.4f,
            Align = Justify ? TextAlign.Justify : TextAlign.Left, Justification = justification,
        };
        ParagraphStyle Restyle(ParagraphStyle s, float size, SKColor color, float lineHeight) =>
            s with
            {
                Text = s.Text with { Size = size, Color = color }, LineHeight = lineHeight,
                Align = s.Align == TextAlign.Justify && !Justify ? TextAlign.Left : s.Align, Justification = justification,
            };
        var tocLevel = baseTheme.Toc.Levels[0];
        var tocEntry = Style("contents_entry");

        var bullets = baseTheme.Bullets.Select((b, i) => b with
        {
            Paragraph = Restyle(b.Paragraph, Style($"bullet_{i + 1}").Size, Text, Style($"bullet_{i + 1}").LineHeight) with
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
                Footer = Restyle(baseTheme.Table.Footer!, TableSize, Text, TableLineHeight),
                HeaderBackground = TableHeaderBackground,
                RuleColor = TableBorder,
                OuterRuleColor = Accent,
            },
            Box = baseTheme.Box with { Background = SummaryBackground, BorderColor = SummaryBorder },
            Toc = baseTheme.Toc with
            {
                Levels =
                [
                    Restyle(tocLevel, tocEntry.Size, Text, tocEntry.LineHeight) with { SpaceBefore = Contents.Columns > 1 ? 0 : tocLevel.SpaceBefore },
                    .. baseTheme.Toc.Levels.Skip(1),
                ],
                MaxLevel = Contents.MaxLevel,
                Columns = Contents.Columns,
            },
            PageHeader = Restyle(baseTheme.PageHeader, NoteSize, Muted, 1.2f),
            PageFooter = Restyle(baseTheme.PageFooter, Style("page_footer").Size, Muted, Style("page_footer").LineHeight),
        };
    }
}
