using SkiaSharp;

namespace AiIndexReports.Typesetting;

public enum TextAlign { Left, Right, Center, Justify }

/// <summary>How a run of text looks. Records: derive variants with <c>with { ... }</c>.</summary>
public sealed record TextStyle
{
    /// <summary>Families tried in order for each character (first one that has the glyph wins).</summary>
    public required IReadOnlyList<string> FontFamilies { get; init; }
    public float Size { get; init; } = 10.5f;
    public SKFontStyleWeight Weight { get; init; } = SKFontStyleWeight.Normal;
    public SKColor Color { get; init; } = SKColors.Black;
    public bool Underline { get; init; }
    /// <summary>Tabular (equal-width) digits through the OpenType <c>tnum</c> feature: numbers line up in columns.</summary>
    public bool TabularDigits { get; init; }
}

/// <summary>How a paragraph is set. All lengths in PDF points (1/72 inch).</summary>
public sealed record ParagraphStyle
{
    public required TextStyle Text { get; init; }
    /// <summary>Line height as a multiple of the font size (1.6 = 160%).</summary>
    public float LineHeight { get; init; } = 1.6f;
    public TextAlign Align { get; init; } = TextAlign.Justify;
    public float SpaceBefore { get; init; }
    public float SpaceAfter { get; init; }
    /// <summary>Extra indent of the first line (after the marker, if any).</summary>
    public float FirstLineIndent { get; init; }
    /// <summary>Where every line's text starts. With a marker this is the hanging indent.</summary>
    public float LeftIndent { get; init; }
    public float RightIndent { get; init; }
    /// <summary>Where the marker (□, ○, -, ※) starts, for paragraphs that have one.</summary>
    public float MarkerIndent { get; init; }
    /// <summary>The paragraph never ends a page: it moves to the next page with what follows (headings, captions).</summary>
    public bool KeepWithNext { get; init; }
    /// <summary>Fewest lines left at a page's bottom or carried to the next page's top (widow/orphan control).</summary>
    public int MinLinesAtBreak { get; init; } = 2;
    /// <summary>Draw a rule of this width (pt) under the paragraph (0 = none), e.g. under section headings.</summary>
    public float RuleBelow { get; init; }
    public SKColor RuleColor { get; init; } = SKColors.Black;
    /// <summary>How justified lines are broken and filled (used when <see cref="Align"/> is Justify).</summary>
    public JustificationStyle Justification { get; init; } = JustificationStyle.Default;
}

/// <summary>
/// Justification after W3C KLREQ: word spaces shrink a little or stretch within limits; where a line would still be
/// loose, space goes between Hangul syllables (자간) up to a small limit. Spaces inside a title in 「」『』《》〈〉 and inside
/// a Latin phrase ("AI Index Report 2025") keep their natural width. Justified paragraphs are broken as a whole
/// (total-fit), which weighs each line's looseness, discouraged breaks and a very short last line.
/// </summary>
public sealed record JustificationStyle
{
    public static JustificationStyle Default { get; } = new();
    /// <summary>Word spaces may shrink to this fraction of their natural width.</summary>
    public float MinWordSpace { get; init; } = 0.8f;
    /// <summary>Word spaces stretch up to this multiple of their natural width before syllables are spaced out (more only in a loose line).</summary>
    public float MaxWordSpace { get; init; } = 1.5f;
    /// <summary>
    /// Space added next to a Hangul syllable inside a word (between two syllables, or a syllable and a letter or digit:
    /// "2024년"), in em of the paragraph's size, once word spaces are at <see cref="MaxWordSpace"/>.
    /// </summary>
    public float LetterSpace { get; init; } = 0.05f;
    /// <summary>
    /// Most space ever added there, for lines looser than both limits (which then grow together). Below 0.1 em, where
    /// pdftotext starts a new word, so text extraction never sees a space inside a word.
    /// </summary>
    public float MaxLetterSpace { get; init; } = 0.08f;
    /// <summary>A paragraph's last line narrower than this fraction of the measure counts as too short.</summary>
    public float ShortLastLine { get; init; } = 0.15f;
    /// <summary>Cost of a too-short last line of one word, in demerits (divided by the number of words on it; a line stretched to its limits costs about 12,100).</summary>
    public float ShortLastLineDemerits { get; init; } = 50_000f;
    /// <summary>Cost of a discouraged break: after a hyphen, slash or middle dot inside a word, or inside a title or Latin phrase.</summary>
    public float DiscouragedBreakPenalty { get; init; } = 60f;
    /// <summary>Break justified paragraphs as a whole (Knuth–Plass); false breaks line by line (first fit).</summary>
    public bool TotalFit { get; init; } = true;
}

/// <summary>A bullet level: its marker and paragraph style (indents make wrapped lines hang under the text).</summary>
public sealed record BulletStyle(string Marker, ParagraphStyle Paragraph, TextStyle? MarkerText = null);

public readonly record struct Spacing(float Top, float Right, float Bottom, float Left)
{
    public Spacing(float all) : this(all, all, all, all) { }
    public Spacing(float vertical, float horizontal) : this(vertical, horizontal, vertical, horizontal) { }
    public float Horizontal => Left + Right;
    public float Vertical => Top + Bottom;
}

[Flags]
public enum BorderSides { None = 0, Top = 1, Right = 2, Bottom = 4, Left = 8, All = 15 }

/// <summary>Background, border and padding of a box (the 요약 box, callouts).</summary>
public sealed record BoxStyle
{
    public SKColor? Background { get; init; }
    public SKColor BorderColor { get; init; } = SKColors.Black;
    public float BorderWidth { get; init; }
    public BorderSides BorderSides { get; init; } = BorderSides.All;
    public Spacing Padding { get; init; }
}

/// <summary>Look of tables: Korean report style has a heavy top rule, shaded header, thin row rules.</summary>
public sealed record TableStyle
{
    public required ParagraphStyle Header { get; init; }
    public required ParagraphStyle Body { get; init; }
    /// <summary>Totals rows (<see cref="Elements.Table.Footer"/>); null sets them like the body.</summary>
    public ParagraphStyle? Footer { get; init; }
    public SKColor? FooterBackground { get; init; }
    public Spacing CellPadding { get; init; } = new(3f, 5f);
    public SKColor? HeaderBackground { get; init; } = new SKColor(0xEE, 0xF1, 0xF6);
    public SKColor RuleColor { get; init; } = new SKColor(0x99, 0x99, 0x99);
    public float RuleWidth { get; init; } = 0.5f;
    public SKColor OuterRuleColor { get; init; } = SKColors.Black;
    /// <summary>Top and bottom rule of the table (under the header and over the totals: 1.5 × <see cref="RuleWidth"/> in this colour).</summary>
    public float OuterRuleWidth { get; init; } = 1.2f;
    public bool VerticalRules { get; init; } = true;
}

/// <summary>Table of contents: one paragraph style per heading level, page numbers right-aligned.</summary>
public sealed record TocStyle
{
    public required IReadOnlyList<ParagraphStyle> Levels { get; init; }
    /// <summary>Headings deeper than this are left out.</summary>
    public int MaxLevel { get; init; } = 2;
    /// <summary>Width kept free on the right for the page number.</summary>
    public float PageNumberWidth { get; init; } = 30f;
    /// <summary>Dotted leader between the title and the page number.</summary>
    public bool Leader { get; init; } = true;
    /// <summary>Entries in this many columns side by side (a compact table of contents), read column by column.</summary>
    public int Columns { get; init; } = 1;
    /// <summary>Space between the columns.</summary>
    public float ColumnSpacing { get; init; } = 24f;
}

/// <summary>
/// How far the gaps between blocks may grow on a page the flow leaves before its bottom (vertical justification, as
/// InDesign's "justify" with a paragraph spacing limit): each gap by at most its limit, in points.
/// </summary>
public sealed record PageFillStyle
{
    /// <summary>Above and below a figure or table.</summary>
    public float AroundFigures { get; init; } = 18f;
    /// <summary>Above a heading.</summary>
    public float BeforeHeadings { get; init; } = 12f;
    /// <summary>Between other blocks (paragraphs, list items); never under a heading or caption.</summary>
    public float BetweenBlocks { get; init; } = 3f;
}
