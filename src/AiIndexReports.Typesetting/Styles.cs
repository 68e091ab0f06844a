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
    public Spacing CellPadding { get; init; } = new(3f, 5f);
    public SKColor? HeaderBackground { get; init; } = new SKColor(0xEE, 0xF1, 0xF6);
    public SKColor RuleColor { get; init; } = new SKColor(0x99, 0x99, 0x99);
    public float RuleWidth { get; init; } = 0.5f;
    public SKColor OuterRuleColor { get; init; } = SKColors.Black;
    /// <summary>Top and bottom rule of the table (and under the header).</summary>
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
}
