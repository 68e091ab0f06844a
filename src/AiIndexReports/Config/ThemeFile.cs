using System.Text.RegularExpressions;

namespace AiIndexReports.Config;

/// <summary>The font files of a brief, relative to templates/.</summary>
public sealed record ThemeFonts(string Regular, string SemiBold, string Bold, string FallbackRegular, string FallbackBold)
{
    public IEnumerable<string> All => [Regular, SemiBold, Bold, FallbackRegular, FallbackBold];
}

/// <summary>A named text style of theme.toml [styles.NAME]: size in pt, line height as a multiple of the size.</summary>
public sealed record ThemeStyle(float Size, float LineHeight);

/// <summary>
/// The table of contents of theme.toml [contents]: printed only in a brief of more than <paramref name="MinPages"/> pages
/// (0: always), with headings down to <paramref name="MaxLevel"/>, in <paramref name="Columns"/> columns.
/// </summary>
public sealed record ThemeContents(int MinPages, int Columns, int MaxLevel);

/// <summary>
/// How justified text is spaced and broken, theme.toml [justification]; the defaults are the engine's
/// (<c>JustificationStyle</c>): word spaces 80–150 %, 0.05 em between syllables (at most 0.08 em), total fit.
/// </summary>
public sealed record ThemeJustification(
    float MinWordSpace = 0.8f, float MaxWordSpace = 1.5f, float LetterSpace = 0.05f, float MaxLetterSpace = 0.08f,
    float ShortLastLine = 0.15f, float ShortLastLineDemerits = 50_000f, float DiscouragedBreakPenalty = 60f, bool TotalFit = true);

/// <summary>The chart settings of theme.toml [chart]; null values keep the chart stage's defaults.</summary>
/// <param name="MinScale">a figure that closes its section may be drawn this much shorter (a share of its height) to stay on its page</param>
public sealed record ThemeChart(IReadOnlyList<string> Palette, string? Korea, float? TitleSize, float? LabelSize, float? TickSize, float Height, float MinScale = 1);

/// <summary>
/// What templates/theme.toml says, checked: sizes in range, colours written "#RRGGBB", font files inside templates/ that
/// exist and start like TrueType fonts. The Briefs stage turns it into the typesetting engine's theme.
/// </summary>
/// <param name="Colors">by name: text, muted, accent, summary_background, summary_border, table_header_background, table_border, link</param>
public sealed partial record ThemeFile(
    Spacing4 Margins,
    ThemeFonts Fonts,
    float BodySize, float LineHeight, float TableSize, float TableLineHeight, float NoteSize, float CaptionSize,
    float H1Size, float H2Size, float ParagraphSpacing, bool Justify,
    IReadOnlyDictionary<string, string> Colors,
    ThemeChart Chart,
    IReadOnlyDictionary<string, ThemeStyle> Styles,
    IReadOnlyDictionary<string, string> Labels,
    ThemeContents Contents,
    ThemeJustification Justification)
{
    public const string DefaultPath = "templates/theme.toml";

    private static TomlKey Size(string name, double min, double max, string help = "") => new(name, TomlType.Number, Help: help, Min: min, Max: max);
    private static TomlKey Color(string name) => new(name, TomlType.Text, Help: "a colour written \"#RRGGBB\"");
    private static TomlKey Font(string name) => new(name, TomlType.Text, Required: true, Help: "a static TrueType .ttf, relative to templates/");

    /// <summary>Colour names of [colors] and their defaults.</summary>
    private static readonly (string Name, string Default)[] ColorDefaults =
    [
        ("text", "#1F2328"), ("muted", "#5B6470"), ("accent", "#1B4F8A"), ("summary_background", "#EEF3F9"),
        ("summary_border", "#1B4F8A"), ("table_header_background", "#E4ECF5"), ("table_border", "#9AA8B8"), ("link", "#1B4F8A"),
    ];

    /// <summary>
    /// The named styles of the brief's composition (templates/README.md describes each); every one is required, so no
    /// size lives in C#.
    /// </summary>
    public static readonly IReadOnlyList<string> StyleNames =
    [
        "cover_band", "cover_title", "cover_subtitle", "cover_line", "box_title", "contents_entry", "note", "page_footer",
        "bullet_1", "bullet_2", "bullet_3", "bullet_4",
    ];

    /// <summary>The words the composition prints that are not in the templates: contents and summary titles, numbering.</summary>
    public static readonly IReadOnlyList<(string Name, string Help)> LabelNames =
    [
        ("contents", "title of the table of contents"),
        ("summary", "title of the boxed summary on the cover"),
        ("issue", "the issue number after the series name, with {number}"),
        ("table_caption", "a table's caption, with {number} and {caption}"),
        ("figure_caption", "a figure's caption, with {number} and {title}"),
        ("note_prefix", "what starts a note line under a table or figure"),
        ("source_prefix", "what starts a source line under a table or figure"),
        ("page_number", "the page footer, with {page}"),
        ("pdf_keywords", "the PDF's keywords"),
    ];

    /// <summary>The placeholders each label may use (the composition fills them).</summary>
    private static readonly Dictionary<string, string[]> LabelPlaceholders = new(StringComparer.Ordinal)
    {
        ["issue"] = ["number"],
        ["table_caption"] = ["number", "caption"],
        ["figure_caption"] = ["number", "title"],
        ["page_number"] = ["page", "pages"],
    };

    private static readonly TomlTableSchema StyleSchema = new(
        Size("size", 5, 60, "in pt") with { Required = true }, Size("line_height", 1, 3, "a multiple of the size"));

    /// <summary>The schema of theme.toml; templates/theme.toml's comments and templates/README.md describe the same keys.</summary>
    public static readonly TomlTableSchema Schema = new(
        new TomlKey("page", TomlType.Table, Schema: new(
            new TomlKey("size", TomlType.Text, Help: "\"A4\""),
            Size("margin_top", 0, 200), Size("margin_right", 0, 200), Size("margin_bottom", 0, 200), Size("margin_left", 0, 200))),
        new TomlKey("fonts", TomlType.Table, Required: true, Schema: new(
            Font("regular"), Font("semibold"), Font("bold"), Font("fallback_regular"), Font("fallback_bold"))),
        new TomlKey("text", TomlType.Table, Schema: new(
            Size("body_size", 5, 30), Size("line_height", 1, 3), Size("table_size", 5, 30), Size("table_line_height", 1, 3),
            Size("note_size", 5, 30), Size("caption_size", 5, 30), Size("h1_size", 5, 60), Size("h2_size", 5, 60),
            Size("paragraph_spacing", 0, 60), new TomlKey("justify", TomlType.Boolean))),
        new TomlKey("colors", TomlType.Table, Schema: new([.. ColorDefaults.Select(c => Color(c.Name))])),
        new TomlKey("chart", TomlType.Table, Schema: new(
            new TomlKey("palette", TomlType.TextArray, Help: "colours written \"#RRGGBB\""), Color("korea"),
            Size("title_size", 4, 30), Size("label_size", 4, 30), Size("tick_size", 4, 30), Size("height", 60, 700, "figure height in pt"),
            Size("min_scale", 0.5, 1, "the share of its height a figure closing its section may shrink to, to stay on its page"))),
        new TomlKey("styles", TomlType.Table, Required: true, Schema: new(
            [.. StyleNames.Select(name => new TomlKey(name, TomlType.Table, Required: true, Schema: StyleSchema))])),
        new TomlKey("labels", TomlType.Table, Required: true, Schema: new(
            [.. LabelNames.Select(l => new TomlKey(l.Name, TomlType.Text, Required: true, Help: l.Help))])),
        new TomlKey("contents", TomlType.Table, Schema: new(
            new TomlKey("min_pages", TomlType.Integer, Help: "print the table of contents only in a brief of more pages than this (0: always)", Min: 0, Max: 1000),
            new TomlKey("columns", TomlType.Integer, Help: "entries side by side in this many columns", Min: 1, Max: 3),
            new TomlKey("max_level", TomlType.Integer, Help: "1: sections only; 2: subsections too", Min: 1, Max: 2))),
        new TomlKey("justification", TomlType.Table, Schema: new(
            Size("min_word_space", 0.5, 1, "word spaces shrink to this share of their width"),
            Size("max_word_space", 1, 3, "word spaces stretch to this multiple before syllables are spaced"),
            Size("letter_space", 0, 0.1, "em added between Hangul syllables of a loose line"),
            Size("max_letter_space", 0, 0.099, "most em ever added there; under 0.1, where pdftotext splits a word"),
            Size("short_last_line", 0, 1, "a last line narrower than this share of the measure is too short"),
            Size("short_last_line_demerits", 0, 1_000_000, "cost of a too-short last line of one word"),
            Size("discouraged_break_penalty", 0, 10_000, "cost of a break after a hyphen, slash or middle dot, or inside a title"),
            new TomlKey("total_fit", TomlType.Boolean, Help: "break paragraphs as a whole (true) or line by line (false)"))));

    public static ThemeFile Load(string repoRoot, string relativePath = DefaultPath)
    {
        if (!File.Exists(Path.Combine(repoRoot, relativePath)))
            throw new BuildFailedException(new Diagnostic(new SourceLocation(relativePath), "theme file not found (expected templates/theme.toml)"));
        var errors = new List<Diagnostic>();
        var root = TomlConfigReader.Read(repoRoot, relativePath, Schema, errors) ?? throw new BuildFailedException(errors);

        float Number(ConfigTable? table, string key, float fallback) => (float?)table?.Number(key) ?? fallback;
        string ColorOf(ConfigTable? table, string key, string fallback)
        {
            var text = table?.Text(key) ?? fallback;
            if (Reserved(text))
            {
                errors.Add(new Diagnostic(table!.WhereIs(key), ReservedMessage(key, text)));
                return fallback;
            }
            if (ColorPattern().IsMatch(text)) return text;
            errors.Add(new Diagnostic(table!.WhereIs(key), $"'{key}' must be a colour written \"#RRGGBB\", found \"{Echo.Clip(text)}\""));
            return fallback;
        }

        var page = root.Table("page");
        var pageSize = page?.Text("size") ?? "A4";
        if (pageSize != "A4") errors.Add(new Diagnostic(page!.WhereIs("size"), $"page size must be \"A4\", found \"{Echo.Clip(pageSize)}\""));
        var margins = new Spacing4(Number(page, "margin_top", 62), Number(page, "margin_right", 62),
            Number(page, "margin_bottom", 56), Number(page, "margin_left", 62));

        var f = root.Table("fonts");
        string FontFile(string key)
        {
            var relative = f?.Text(key) ?? "";
            if (relative.Length > 0 && CheckFont(repoRoot, relative) is { } problem) errors.Add(new Diagnostic(f!.WhereIs(key), problem));
            return relative;
        }
        var fonts = new ThemeFonts(FontFile("regular"), FontFile("semibold"), FontFile("bold"), FontFile("fallback_regular"), FontFile("fallback_bold"));

        var t = root.Table("text");
        var c = root.Table("colors");
        var colors = ColorDefaults.ToDictionary(d => d.Name, d => ColorOf(c, d.Name, d.Default), StringComparer.Ordinal);

        var ch = root.Table("chart");
        var palette = ch?.Texts("palette") ?? [];
        foreach (var p in palette.Where(p => !ColorPattern().IsMatch(p)))
            errors.Add(new Diagnostic(ch!.WhereIs("palette"), $"palette colours must be written \"#RRGGBB\", found \"{Echo.Clip(p)}\""));
        foreach (var p in palette.Where(Reserved))
            errors.Add(new Diagnostic(ch!.WhereIs("palette"), ReservedMessage("palette", p)));
        var chart = new ThemeChart(palette, ch?.Has("korea") == true ? ColorOf(ch, "korea", "#E4572E") : null,
            (float?)ch?.Number("title_size"), (float?)ch?.Number("label_size"), (float?)ch?.Number("tick_size"), Number(ch, "height", 215),
            Number(ch, "min_scale", 1));

        var styleTables = root.Table("styles");
        var styles = new Dictionary<string, ThemeStyle>(StringComparer.Ordinal);
        foreach (var name in StyleNames)
            if (styleTables?.Table(name) is { } style && style.Number("size") is { } size)
                styles[name] = new ThemeStyle((float)size, (float?)style.Number("line_height") ?? Number(t, "line_height", 1.65f));
        var labelTable = root.Table("labels");
        var labels = LabelNames.Where(l => labelTable?.Text(l.Name) is not null)
            .ToDictionary(l => l.Name, l => labelTable!.Text(l.Name)!, StringComparer.Ordinal);
        foreach (var (name, text) in labels)
            if (Placeholders.Problem(text, LabelPlaceholders.GetValueOrDefault(name, [])) is { } problem)
                errors.Add(new Diagnostic(labelTable!.WhereIs(name), $"label '{name}' {problem}"));

        var toc = root.Table("contents");
        var contents = new ThemeContents((int)(toc?.Integer("min_pages") ?? 0), (int)(toc?.Integer("columns") ?? 1), (int)(toc?.Integer("max_level") ?? 2));

        var j = root.Table("justification");
        var d = new ThemeJustification();
        var justification = new ThemeJustification(
            Number(j, "min_word_space", d.MinWordSpace), Number(j, "max_word_space", d.MaxWordSpace),
            Number(j, "letter_space", d.LetterSpace), Number(j, "max_letter_space", d.MaxLetterSpace),
            Number(j, "short_last_line", d.ShortLastLine), Number(j, "short_last_line_demerits", d.ShortLastLineDemerits),
            Number(j, "discouraged_break_penalty", d.DiscouragedBreakPenalty), j?.Boolean("total_fit") ?? d.TotalFit);
        if (justification.LetterSpace > justification.MaxLetterSpace)
            errors.Add(new Diagnostic(j!.WhereIs("letter_space"),
                $"'letter_space' ({justification.LetterSpace.ToString(System.Globalization.CultureInfo.InvariantCulture)}) may not exceed 'max_letter_space' ({justification.MaxLetterSpace.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));

        if (errors.Count > 0) throw new BuildFailedException(errors);
        return new ThemeFile(margins, fonts,
            Number(t, "body_size", 10.5f), Number(t, "line_height", 1.65f), Number(t, "table_size", 9), Number(t, "table_line_height", 1.3f),
            Number(t, "note_size", 8.5f), Number(t, "caption_size", 10), Number(t, "h1_size", 15), Number(t, "h2_size", 12),
            Number(t, "paragraph_spacing", 5), t?.Boolean("justify") ?? true, colors, chart, styles, labels, contents, justification);
    }

    /// <summary>Largest font file accepted (a full CJK font is about 20 MB; the theme's are 2 to 5 MB).</summary>
    public const long MaxFontBytes = 64L << 20;

    /// <summary>A font file of the theme, relative to templates/: the checks of <see cref="InputRoot.Resolve"/>.</summary>
    public static InputResolution ResolveFont(string repoRoot, string relative) =>
        new InputRoot(Path.Combine(repoRoot, "templates"), "templates").Resolve(relative, MaxFontBytes);

    /// <summary>Why a font path of the theme cannot be used, or null: it must stay inside templates/, be a regular file and be TrueType.</summary>
    private static string? CheckFont(string repoRoot, string relative)
    {
        var templates = Path.GetFullPath(Path.Combine(repoRoot, "templates")) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(templates, relative));
        if (!full.StartsWith(templates, StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
            return $"font path '{Echo.Clip(relative)}' must stay inside templates/";
        var found = ResolveFont(repoRoot, relative);
        if (found.Problem == InputProblem.Missing) return $"font file not found: templates/{Echo.Clip(relative)} (expected a static TrueType .ttf)";
        if (found.File is not { } file) return found.Message;
        try
        {
            if (!IsTrueType(file)) return $"{file.DisplayPath} is not a TrueType font (its first bytes are not a TrueType header); expected a static TrueType .ttf";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StrictText.CannotRead(e, file);
        }
        return null;
    }

    /// <summary>
    /// Whether a file starts like a TrueType font (sfnt version 0x00010000 or "true"), so a renamed or corrupt file is
    /// reported at its theme line rather than as a typesetting failure deep in the build.
    /// </summary>
    private static bool IsTrueType(CheckedFile font)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = InputRoot.OpenRead(font);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4
            && (head.SequenceEqual(new byte[] { 0, 1, 0, 0 }) || head.SequenceEqual("true"u8));
    }

    // The PDF exporter marks where each tagged block starts with a 1×1 rectangle in one of these two colours
    // (Typesetting/Pdf/BlockMarker) and the finisher turns each into the block's marked-content boundary: a theme
    // colour equal to one of them would be taken for a marker.
    private static readonly string[] ReservedColors = ["#010203", "#030201"];

    private static bool Reserved(string color) => ReservedColors.Contains(color, StringComparer.OrdinalIgnoreCase);

    private static string ReservedMessage(string key, string color) =>
        $"'{key}': {color} is reserved (it marks the tagged blocks in the PDF); a neighbouring colour such as #010204 looks the same";

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}

/// <summary>Page margins in pt: top, right, bottom, left.</summary>
public readonly record struct Spacing4(float Top, float Right, float Bottom, float Left);
