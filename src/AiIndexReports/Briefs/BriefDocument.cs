namespace AiIndexReports.Briefs;

// The Write stage's output: the brief as a list of blocks in the conventions of a Korean policy brief,
// independent of how it is typeset. Built from Markdown by MarkdownReader; turned into pages by BriefTypesetter.

/// <summary>A run of text with one style.</summary>
public sealed record Inline(string Text, bool Bold = false, bool Italic = false, string? Link = null);

public abstract record BriefBlock
{
    /// <summary>
    /// Where the block was written: the template file, line and column of its first character (see
    /// <see cref="Text.OutputOrigins"/>); for Markdown read without its template, the section and the Markdown line.
    /// </summary>
    public SourceLocation? At { get; init; }

    /// <summary>Ids of the metrics whose values the block prints, in the order the template read them.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];
}

/// <summary>Where one part of a block (a table cell) was written and the metrics it prints.</summary>
public sealed record BlockOrigin(SourceLocation? At, IReadOnlyList<string> Metrics);

/// <summary>"# 개요" → level 1, numbered "1." by the composer; "## …" → level 2, "1.1".</summary>
public sealed record BriefHeading(int Level, string Number, IReadOnlyList<Inline> Text) : BriefBlock
{
    public string PlainText => string.Concat(Text.Select(t => t.Text));
}

/// <summary>개조식 item: level 1 □, 2 ○, 3 -, 4 ·.</summary>
public sealed record BriefBullet(int Level, IReadOnlyList<Inline> Text) : BriefBlock;

public enum ParagraphKind { Body, Note, Remark, Source, Reference }

/// <summary>Body text, a "※" note, a "주:" remark, a "자료:" source line, or an item of a numbered list (참고문헌).</summary>
public sealed record BriefParagraph(ParagraphKind Kind, IReadOnlyList<Inline> Text) : BriefBlock;

public enum CellAlign { Left, Center, Right }

/// <summary>A pipe table with the "표:" caption and "(단위: …)" line above it; numbered "&lt;표 n&gt;" by the composer.</summary>
public sealed record BriefTable(
    int Number,
    string Caption,
    string? Unit,
    IReadOnlyList<IReadOnlyList<Inline>> Header,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows,
    IReadOnlyList<CellAlign> Align) : BriefBlock
{
    /// <summary>Each cell's origin, row by row: the header row first (when there is one), then the body rows.</summary>
    public IReadOnlyList<IReadOnlyList<BlockOrigin>> CellOrigins { get; init; } = [];
}

/// <summary>A chart placed by id; the caption "[그림 n] …" and its source line come from the figure itself.</summary>
public sealed record BriefFigure(int Number, string FigureId) : BriefBlock;

/// <summary>The boxed 요약 (":::summary" container).</summary>
public sealed record BriefSummary(IReadOnlyList<BriefBlock> Blocks) : BriefBlock;

public sealed record BriefPageBreak : BriefBlock;

/// <summary>Everything between the cover and the back: the brief's body in reading order.</summary>
public sealed record BriefDocument(IReadOnlyList<BriefBlock> Blocks)
{
    /// <summary>Where the text came from (templates, metrics), to say where a character no font has is written.</summary>
    public TextOrigins Origins { get; init; } = TextOrigins.None;

    /// <summary>Cover number and date as the Write stage resolved them (briefs.toml entry, else the edition's [brief]).</summary>
    public Config.BriefIssue? Issue { get; init; }

    public IEnumerable<BriefHeading> Headings => Blocks.OfType<BriefHeading>();
}
