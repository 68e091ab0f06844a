using SkiaSharp;

namespace AiIndexReports.Typesetting;

/// <summary>
/// Every style the semantic elements (Heading, BulletItem, Table, Box, Figure, TableOfContents…) use when they
/// are not given one explicitly. Build one with <see cref="Create"/> and adjust with <c>with { ... }</c>.
/// </summary>
public sealed record Theme
{
    public required ParagraphStyle Body { get; init; }
    /// <summary>Heading styles by level (index 0 = level 1).</summary>
    public required IReadOnlyList<ParagraphStyle> Headings { get; init; }
    /// <summary>Bullet levels (index 0 = level 1: □, then ○, -, ※).</summary>
    public required IReadOnlyList<BulletStyle> Bullets { get; init; }
    public required ParagraphStyle Caption { get; init; }
    public required ParagraphStyle SourceNote { get; init; }
    public required TableStyle Table { get; init; }
    public required BoxStyle Box { get; init; }
    public required TocStyle Toc { get; init; }
    public required ParagraphStyle PageHeader { get; init; }
    public required ParagraphStyle PageFooter { get; init; }
    /// <summary>Vertical space between the blocks of the document body.</summary>
    public float BlockSpacing { get; init; } = 4f;
    /// <summary>How much the gaps of a page that ends early may grow (vertical justification); zeros keep bottoms ragged.</summary>
    public PageFillStyle PageFill { get; init; } = new();

    public ParagraphStyle Heading(int level) => Headings[Math.Clamp(level, 1, Headings.Count) - 1];
    public BulletStyle Bullet(int level) => Bullets[Math.Clamp(level, 1, Bullets.Count) - 1];

    /// <summary>
    /// A calm Korean-report look: body 10.5 pt at 165% line height, justified; □/○/-/※ bullets hanging;
    /// <paramref name="fontFamilies"/> is the fallback chain (e.g. "Pretendard", "NanumGothic").
    /// </summary>
    public static Theme Create(params string[] fontFamilies)
    {
        if (fontFamilies.Length == 0) throw new ArgumentException("at least one font family is needed", nameof(fontFamilies));
        var ink = new SKColor(0x22, 0x22, 0x22);
        var accent = new SKColor(0x1F, 0x3A, 0x68);
        var grey = new SKColor(0x55, 0x55, 0x55);
        var text = new TextStyle { FontFamilies = fontFamilies, Size = 10.5f, Color = ink };
        var body = new ParagraphStyle { Text = text, LineHeight = 1.65f, Align = TextAlign.Justify, SpaceAfter = 2f };

        ParagraphStyle Heading(float size, SKFontStyleWeight weight, SKColor color, float before, float after, float rule = 0) => new()
        {
            Text = text with { Size = size, Weight = weight, Color = color },
            LineHeight = 1.35f, Align = TextAlign.Left, SpaceBefore = before, SpaceAfter = after, KeepWithNext = true,
            RuleBelow = rule, RuleColor = accent,
        };

        BulletStyle Bullet(string marker, float markerIndent, float textIndent, float size, SKFontStyleWeight weight = SKFontStyleWeight.Normal) => new(
            marker,
            body with { Text = text with { Size = size, Weight = weight }, MarkerIndent = markerIndent, LeftIndent = textIndent, SpaceAfter = 1.5f });

        return new Theme
        {
            Body = body,
            Headings =
            [
                Heading(18f, SKFontStyleWeight.Bold, accent, 16f, 8f, rule: 1.2f),
                Heading(13f, SKFontStyleWeight.Bold, ink, 10f, 4f),
                Heading(11.5f, SKFontStyleWeight.SemiBold, ink, 6f, 2f),
                Heading(10.5f, SKFontStyleWeight.SemiBold, ink, 4f, 1f),
            ],
            Bullets =
            [
                Bullet("□", 0f, 14f, 11f, SKFontStyleWeight.SemiBold),
                Bullet("○", 10f, 23f, 10.5f),
                Bullet("-", 22f, 31f, 10f),
                Bullet("※", 22f, 34f, 9.5f),
            ],
            Caption = new ParagraphStyle
            {
                Text = text with { Size = 10.5f, Weight = SKFontStyleWeight.Bold, Color = ink },
                LineHeight = 1.4f, Align = TextAlign.Center, SpaceBefore = 4f, SpaceAfter = 4f, KeepWithNext = true,
            },
            SourceNote = new ParagraphStyle
            {
                Text = text with { Size = 8.5f, Color = grey }, LineHeight = 1.4f, Align = TextAlign.Left, SpaceAfter = 6f,
            },
            Table = new TableStyle
            {
                Header = new ParagraphStyle
                {
                    Text = text with { Size = 9f, Weight = SKFontStyleWeight.SemiBold, TabularDigits = true },
                    LineHeight = 1.3f, Align = TextAlign.Center, MinLinesAtBreak = 1,
                },
                Body = new ParagraphStyle
                {
                    Text = text with { Size = 9f, TabularDigits = true }, LineHeight = 1.3f, Align = TextAlign.Left, MinLinesAtBreak = 1,
                },
                Footer = new ParagraphStyle
                {
                    Text = text with { Size = 9f, Weight = SKFontStyleWeight.Bold, TabularDigits = true }, LineHeight = 1.3f, Align = TextAlign.Left, MinLinesAtBreak = 1,
                },
            },
            Box = new BoxStyle
            {
                Background = new SKColor(0xF3, 0xF6, 0xFA), BorderColor = accent, BorderWidth = 0.8f, Padding = new Spacing(10f, 14f),
            },
            Toc = new TocStyle
            {
                Levels =
                [
                    body with { Text = text with { Size = 11.5f, Weight = SKFontStyleWeight.SemiBold }, Align = TextAlign.Left, LineHeight = 1.5f, SpaceBefore = 6f },
                    body with { Text = text with { Size = 10.5f }, Align = TextAlign.Left, LineHeight = 1.5f, LeftIndent = 14f },
                    body with { Text = text with { Size = 10f }, Align = TextAlign.Left, LineHeight = 1.5f, LeftIndent = 28f },
                ],
            },
            PageHeader = new ParagraphStyle { Text = text with { Size = 8.5f, Color = grey }, LineHeight = 1.2f, Align = TextAlign.Left, MinLinesAtBreak = 1 },
            PageFooter = new ParagraphStyle { Text = text with { Size = 9f, Color = grey }, LineHeight = 1.2f, Align = TextAlign.Center, MinLinesAtBreak = 1 },
        };
    }
}
