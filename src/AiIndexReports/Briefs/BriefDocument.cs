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

/// <summary>A column's alignment: ":---" left, ":---:" centre, "---:" right; "---" (Auto) right for numbers, left for text.</summary>
public enum CellAlign { Left, Center, Right, Auto }

/// <summary>Which rows of a table: the header, the body, or the totals after a "|---|" row.</summary>
public enum TablePart { Header, Body, Totals }

/// <summary>
/// A merged cell: the cell at <paramref name="Row"/>, <paramref name="Column"/> of its part spans that many rows and
/// columns; the cells it covers are empty in the rows.
/// </summary>
public sealed record CellSpan(TablePart Part, int Row, int Column, int RowSpan, int ColumnSpan);

/// <summary>
/// A pipe table with the "표:" caption and "(단위: …)" line above it; numbered "&lt;표 n&gt;" by the composer. Every row
/// has one cell per column; cells inside a merged cell (<see cref="Spans"/>) are empty.
/// </summary>
public sealed record BriefTable(
    int Number,
    string Caption,
    string? Unit,
    IReadOnlyList<IReadOnlyList<Inline>> Header,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows,
    IReadOnlyList<CellAlign> Align) : BriefBlock
{
    /// <summary>Each cell's origin, row by row: the header row first (when there is one), then the body rows, then the totals rows.</summary>
    public IReadOnlyList<IReadOnlyList<BlockOrigin>> CellOrigins { get; init; } = [];
    /// <summary>Totals rows: the rows after a "|---|" row, set over a rule in bold.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Totals { get; init; } = [];
    /// <summary>Merged cells ("^" and "&lt;" cells, columns named by "열 병합:").</summary>
    public IReadOnlyList<CellSpan> Spans { get; init; } = [];
    /// <summary>Column widths from "열 너비:": a percentage of the table's width, or null where the content decides; empty: all by content.</summary>
    public IReadOnlyList<float?> Widths { get; init; } = [];
    /// <summary>"배치: 고정" above it: it stays where it stands instead of floating to the next page's top.</summary>
    public bool InPlace { get; init; }
}

/// <summary>A chart placed by id; the caption "[그림 n] …" and its source line come from the figure itself.</summary>
public sealed record BriefFigure(int Number, string FigureId) : BriefBlock
{
    /// <summary>"배치: 고정" above it: it stays where it stands instead of floating to the next page's top.</summary>
    public bool InPlace { get; init; }
}

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

    /// <summary>The metrics the text and the figures printed (the provenance document lists where each comes from).</summary>
    public IReadOnlyList<string> PrintedMetricIds { get; init; } = [];

    public IEnumerable<BriefHeading> Headings => Blocks.OfType<BriefHeading>();
}
