using System.Text;
using System.Globalization;
using AiIndexReports.Config;
using AiIndexReports.Charts;
using AiIndexReports.Typesetting;
using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Pdf;
using AiIndexReports.Typesetting.Text;
using SkiaSharp;
using Figure = AiIndexReports.Typesetting.Elements.Figure;

namespace AiIndexReports.Briefs;

/// <summary>
/// Composes a brief for the typesetting engine: the cover (series band, title, subtitle, authors, date, publisher and
/// the boxed 요약), a table of contents for the full brief, then the body blocks in the conventions of a Korean policy
/// brief — numbered headings, □ ○ - · items, "&lt;표 n&gt;" tables and "[그림 n]" figures with their unit, notes and
/// source lines, running header and "- n -" page numbers.
/// </summary>
public sealed partial class BriefTypesetter(BriefTheme theme, FontLibrary fonts, PdfStandard standard = PdfStandard.Ua1A2a)
{
    private readonly Theme _theme = theme.ToTypesettingTheme();

    public TypesetResult Typeset(BriefSpec brief, int edition, BriefDocument body, FigureSet figures, DateTime createdUtc) =>
        new Typesetter(fonts).Typeset(Compose(brief, edition, body, figures, createdUtc));

    public Document Compose(BriefSpec brief, int edition, BriefDocument body, FigureSet figures, DateTime createdUtc)
    {
        var title = brief.Fill(brief.Title, edition);
        var document = new Document(_theme)
        {
            Page = new PageSetup
            {
                Size = theme.PageSize,
                Margins = theme.Margins,
                Header = RunningHeader(title, brief.Publisher),
                Footer = new PageNumber(theme.Label("page_number")),
                HeaderFooterOnFirstPage = false,
            },
            Metadata = new DocumentMetadata
            {
                Title = title,
                Subject = brief.Fill(brief.Subtitle, edition),
                Author = brief.Publisher,
                Keywords = theme.Label("pdf_keywords"),
                CreatedUtc = createdUtc,
                Language = "ko-KR",
                Standard = standard,
            },
        };

        var blocks = body.Blocks.ToList();
        var summary = blocks.OfType<BriefSummary>().FirstOrDefault();
        if (summary is not null) blocks.Remove(summary);

        document.AddRange(Cover(brief, edition, summary, body.Issue ?? brief.IssueFor(edition)));
        if (brief.Variant == "full")
        {
            // A compact contents under the 요약 box, only in a brief long enough to need one (theme.toml [contents]);
            // the body follows on the cover page, as Korean briefs run on from their summary.
            document.Add(new KeepTogether(new TableOfContents
            {
                Title = new Paragraph(new TextSpan(theme.Label("contents")) { Weight = SKFontStyleWeight.Bold, Color = theme.Accent })
                {
                    Style = Styled("box_title", _theme.Body) with { Align = TextAlign.Left, SpaceBefore = 6, SpaceAfter = 2, KeepWithNext = true },
                },
                MinPages = theme.Contents.MinPages,
            }));
        }
        document.AddRange(Body(blocks, figures));
        return document;
    }

    private Element RunningHeader(string title, string publisher)
    {
        var style = _theme.PageHeader;
        return new Row { Spacing = 8 }
            .Relative(3, new Paragraph(title) { Style = style with { Align = TextAlign.Left } })
            .Relative(2, new Paragraph(publisher) { Style = style with { Align = TextAlign.Right } });
    }

    private IEnumerable<Element> Cover(BriefSpec brief, int edition, BriefSummary? summary, BriefIssue? issue)
    {
        var white = SKColors.White;
        var bandText = issue is null || issue.Number.Length == 0 ? brief.Series : brief.Series + " " + theme.Label("issue").Replace("{number}", issue.Number);
        yield return new Box(new Paragraph(new TextSpan(bandText) { Color = white, Weight = SKFontStyleWeight.SemiBold })
        {
            Style = Styled("cover_band", _theme.Body) with { Align = TextAlign.Left, SpaceAfter = 0 },
        })
        { Style = new BoxStyle { Background = theme.Accent, Padding = new Spacing(5, 10) } };
        yield return new Spacer(18);

        var cover = Styled("cover_title", _theme.Heading(1));
        var titleStyle = cover with
        {
            Text = cover.Text with { Weight = SKFontStyleWeight.Bold, Color = theme.Accent },
            RuleBelow = 0, SpaceBefore = 0, SpaceAfter = 6, KeepWithNext = false,
        };
        // The cover's texts are the manifest entry's (templates/briefs.toml).
        yield return new Paragraph(brief.Fill(brief.Title, edition)) { Style = titleStyle, Source = brief.Where.ToString() };
        if (brief.Subtitle.Length > 0)
            yield return new Paragraph(brief.Fill(brief.Subtitle, edition))
            {
                Style = Styled("cover_subtitle", _theme.Body, theme.Muted) with { Align = TextAlign.Left, SpaceAfter = 10 },
                Source = brief.Where.ToString(),
            };

        var lineStyle = Styled("cover_line", _theme.Body) with { SpaceAfter = 0 };
        var date = issue is null ? "" : Text.KoreanDates.DateDot(issue.Date);
        yield return new Box(new Row { Spacing = 8 }
            .Relative(1, new Paragraph(string.Join(", ", brief.Authors)) { Style = lineStyle with { Align = TextAlign.Left, Text = lineStyle.Text with { Color = theme.Muted } } })
            // Five spaces (over 1 em): readers and text extraction take the date and the publisher as two items, not as one
            // flush-right line with a loose gap (the cover now shares its page with justified body text).
            .Relative(1, new Paragraph(new TextSpan(date + "     ") { Weight = SKFontStyleWeight.Bold }, new TextSpan(brief.Publisher) { Weight = SKFontStyleWeight.SemiBold })
            { Style = lineStyle with { Align = TextAlign.Right } }))
        { Style = new BoxStyle { BorderColor = theme.Accent, BorderWidth = 0.8f, BorderSides = BorderSides.Top, Padding = new Spacing(6, 0, 0, 0) } };
        // Contact and disclaimer (briefs.toml), in the cover line's size and the muted colour, under the authors.
        var fine = lineStyle with { Align = TextAlign.Left, SpaceBefore = 2, Text = lineStyle.Text with { Color = theme.Muted } };
        if (brief.Contact.Length > 0) yield return new Paragraph(brief.Contact) { Style = fine };
        if (brief.Disclaimer.Length > 0) yield return new Paragraph(brief.Disclaimer) { Style = fine };
        yield return new Spacer(14);

        if (summary is not null)
        {
            var items = new List<Element>
            {
                new Paragraph(new TextSpan(theme.Label("summary")) { Weight = SKFontStyleWeight.Bold, Color = theme.Accent })
                {
                    Style = Styled("box_title", _theme.Body) with { Align = TextAlign.Left, SpaceAfter = 2 },
                },
            };
            items.AddRange(Body(summary.Blocks, figures: null));
            yield return new Box(new Column(items) { Spacing = 0 });
            yield return new Spacer(8);
        }
    }

    private IEnumerable<Element> Body(IReadOnlyList<BriefBlock> blocks, FigureSet? figures)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // "주:" and "자료:" lines right after a table or figure belong to it: they stay together on the page.
            var notes = new List<string>();
            if (block is BriefTable or BriefFigure)
                while (i + 1 < blocks.Count && blocks[i + 1] is BriefParagraph { Kind: ParagraphKind.Remark or ParagraphKind.Source } note)
                {
                    notes.Add(Plain(note.Text));
                    i++;
                }

            switch (block)
            {
                case BriefHeading h:
                    yield return new Heading(h.Level, Spans([new Inline(h.Number + " "), .. h.Text]))
                    {
                        AnchorId = AnchorOf(h),
                        Source = h.At?.ToString(),
                    };
                    break;
                case BriefBullet b:
                    yield return new BulletItem(b.Level, Spans(b.Text)) { Source = b.At?.ToString() };
                    break;
                case BriefParagraph p:
                    yield return Paragraph(p);
                    break;
                case BriefTable t:
                    yield return Table(t, notes);
                    break;
                case BriefFigure f when figures is not null:
                    yield return FigureElement(f, figures[f.FigureId], notes);
                    break;
                case BriefFigure f:
                    throw new BuildFailedException(new Diagnostic(null, $"figure \"{f.FigureId}\" cannot be placed inside the summary box"));
                case BriefSummary s:
                    yield return new Box(new Column(Body(s.Blocks, figures))) { Source = s.At?.ToString() };
                    break;
                case BriefPageBreak:
                    yield return new PageBreak();
                    break;
            }
        }
    }

    /// <summary>The anchor a heading gets ("sec-1", "sec-1.2"), which "#sec-1" links in the templates point at.</summary>
    public static string AnchorOf(BriefHeading heading) => "sec-" + heading.Number.TrimEnd('.');

    private Paragraph Paragraph(BriefParagraph p) => p.Kind switch
    {
        ParagraphKind.Note => new Paragraph(Spans(p.Text))
        {
            Style = Styled("note", _theme.SourceNote) with { Align = TextAlign.Left, LeftIndent = 10, FirstLineIndent = -10, SpaceBefore = 2, SpaceAfter = 4 },
            Source = p.At?.ToString(),
        },
        ParagraphKind.Remark or ParagraphKind.Source => new Paragraph(Spans(p.Text)) { Style = _theme.SourceNote, Source = p.At?.ToString() },
        ParagraphKind.Reference => new Paragraph(Spans(p.Text))
        {
            Style = _theme.Body with { Align = TextAlign.Left, LeftIndent = 16, FirstLineIndent = -16, SpaceAfter = 4 },
            Source = p.At?.ToString(),
        },
        _ => new Paragraph(Spans(p.Text)) { Source = p.At?.ToString() },
    };

    /// <summary>
    /// A table as Korean reports set them: columns sized to their content (or the editor's "열 너비:"), numbers
    /// right-aligned under right-aligned headers (every header follows its column's alignment), merged cells, totals
    /// after a rule in bold; kept whole and floating when it has at most 12 rows.
    /// </summary>
    private Figure Table(BriefTable t, IReadOnlyList<string> notes)
    {
        var count = Math.Max(t.Align.Count, t.Header.Count);
        var align = Enumerable.Range(0, count).Select(c => (c < t.Align.Count ? t.Align[c] : CellAlign.Auto) switch
        {
            CellAlign.Right => TextAlign.Right,
            CellAlign.Center => TextAlign.Center,
            CellAlign.Left => TextAlign.Left,
            _ => IsNumberColumn(t, c) ? TextAlign.Right : TextAlign.Left,
        }).ToList();
        var columns = Enumerable.Range(0, Math.Max(count, 1))
            .Select(c => c < t.Widths.Count && t.Widths[c] is { } percent ? Width.Percent(percent) : Width.Auto).ToList();
        var table = new Table(columns);

        // Each cell names the template position that wrote it (a loop's row, a printed value), else the table's.
        string? CellSource(TablePart part, int row, int column)
        {
            var index = (t.Header.Count > 0 && part != TablePart.Header ? 1 : 0) + part switch
            {
                TablePart.Body => row,
                TablePart.Totals => t.Rows.Count + row,
                _ => 0,
            };
            return (index < t.CellOrigins.Count && column < t.CellOrigins[index].Count ? t.CellOrigins[index][column].At : null)?.ToString() ?? t.At?.ToString();
        }
        IEnumerable<TableCell> Cells(TablePart part, int row, IReadOnlyList<IReadOnlyList<Inline>> cells) =>
            cells.Select((cell, c) => (cell, c))
                .Where(x => !t.Spans.Any(s => s.Part == part && Covers(s, row, x.c) && (s.Row, s.Column) != (row, x.c)))
                .Select(x =>
                {
                    var span = t.Spans.FirstOrDefault(s => s.Part == part && (s.Row, s.Column) == (row, x.c));
                    return new TableCell(new Paragraph(Spans(x.cell)) { Align = align[Math.Min(x.c, align.Count - 1)], Source = CellSource(part, row, x.c) })
                    {
                        RowSpan = span?.RowSpan ?? 1,
                        ColumnSpan = span?.ColumnSpan ?? 1,
                    };
                });

        if (t.Header.Count > 0) table.Header(Cells(TablePart.Header, 0, t.Header));
        for (var r = 0; r < t.Rows.Count; r++) table.Row(Cells(TablePart.Body, r, t.Rows[r]));
        for (var r = 0; r < t.Totals.Count; r++) table.Footer(Cells(TablePart.Totals, r, t.Totals[r]));

        var keep = t.Rows.Count + t.Totals.Count <= 12;
        return new Figure(theme.Label("table_caption").Replace("{number}", t.Number.ToString(CultureInfo.InvariantCulture)).Replace("{caption}", t.Caption), table)
        {
            Unit = t.Unit is null ? null : $"({t.Unit})",
            Notes = notes,
            KeepTogether = keep,
            Float = keep && !t.InPlace,
            Source = t.At?.ToString(),
        };
    }

    private static bool Covers(CellSpan span, int row, int column) =>
        row >= span.Row && row < span.Row + span.RowSpan && column >= span.Column && column < span.Column + span.ColumnSpan;

    /// <summary>A column without an alignment mark is right-aligned when every cell under its header is a number ("17.3건", "1,091억 달러", "70.9%", "–").</summary>
    private static bool IsNumberColumn(BriefTable t, int column)
    {
        var cells = t.Rows.Concat(t.Totals).Where(r => column < r.Count).Select(r => Plain(r[column]).Trim()).Where(s => s.Length > 0).ToList();
        return cells.Any(c => NumberCell().IsMatch(c)) && cells.All(c => NumberCell().IsMatch(c) || c is "-" or "–" or "—");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-−+]?[$₩]?\d[\d,]*(\.\d+)?(\s?(%p|%|[가-힣]{1,3})(\s[가-힣]{1,3})?)?$")]
    private static partial System.Text.RegularExpressions.Regex NumberCell();

    private Figure FigureElement(BriefFigure f, Charts.Figure figure, IReadOnlyList<string> notes)
    {
        // Bar charts grow with their bars (one line per label); line charts take the theme's height.
        var width = theme.PageSize.Width - theme.Margins.Horizontal;
        // Grouped bars (a title row per group) may take a little more of the page, so their rows stay readable.
        var tallest = figure.Body is BarBody { GroupList.Count: > 0 } ? 1.8f : 1.5f;
        var height = figure.Body is BarBody ? Math.Clamp(figure.PreferredHeight(width) * 0.85f, 130f, theme.ChartHeight * tallest) : theme.ChartHeight;
        var chartTheme = theme.Chart;
        if (ChartGlyphProblems(figure, ChartFontsCover(fonts)) is { Count: > 0 } problems) throw new BuildFailedException(problems);
        var canvas = new CanvasElement(height, (canvas, size, typefaces) =>
            new ChartRenderer(typefaces, chartTheme).Draw(canvas, figure, SKRect.Create(size)))
        {
            Texts = ChartRenderer.TextsOf(figure).ToList(),
            Typefaces = ChartRenderer.TypefacesOf(chartTheme),
            Name = "figure " + figure.Id,
            Alt = FigureAltText.For(figure),
            Source = f.At?.ToString(),
            // A figure that closes its section may be drawn shorter rather than leave its page's rest empty.
            MinHeight = height * theme.ChartMinScale,
        };
        var lines = new List<string>();
        var (notePrefix, sourcePrefix) = (theme.Label("note_prefix"), theme.Label("source_prefix"));
        if (figure.Note is not null) lines.Add(figure.Note.StartsWith(notePrefix, StringComparison.Ordinal) ? figure.Note : notePrefix + " " + figure.Note);
        lines.AddRange(notes);
        if (!notes.Any(n => n.StartsWith(sourcePrefix, StringComparison.Ordinal)) && figure.Source.Length > 0) lines.Add(figure.Source);
        var caption = theme.Label("figure_caption").Replace("{number}", f.Number.ToString(CultureInfo.InvariantCulture)).Replace("{title}", figure.Title);
        return new Figure(caption, canvas) { Notes = lines, Float = !f.InPlace, Source = f.At?.ToString() };
    }

    /// <summary>
    /// Chart text goes through the same coverage check as body text: a chart draws with the theme's regular and semibold
    /// fonts and has no fallback, so a character they lack (an emoji or a rare Hanja in a model name) would be drawn as an
    /// empty box. Each such character is an error at the data row the text comes from.
    /// </summary>
    /// <param name="covers">whether both chart fonts (regular, semibold) have a character</param>
    public static IReadOnlyList<Diagnostic> ChartGlyphProblems(Charts.Figure figure, Func<int, bool> covers)
    {
        var problems = new List<Diagnostic>();
        var seen = new HashSet<int>();
        foreach (var (text, at) in ChartRenderer.LocatedTextsOf(figure))
            foreach (var rune in text.EnumerateRunes())
            {
                // Spaces and controls draw nothing; joiners and variation selectors shape with the character before them.
                if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || rune.Value is 0x200C or 0x200D or >= 0xFE00 and <= 0xFE0F) continue;
                if (covers(rune.Value) || !seen.Add(rune.Value)) continue;
                problems.Add(TextOrigins.ChartText(figure.Id, text, rune.Value, at));
            }
        return problems;
    }

    /// <summary>Whether the chart fonts of a font library (the brief family's regular and semibold) both have a character.</summary>
    public static Func<int, bool> ChartFontsCover(FontLibrary fonts)
    {
        var faces = new[] { SKFontStyleWeight.Normal, SKFontStyleWeight.SemiBold }
            .Select(w => fonts.Find(BriefFonts.Family, w)).OfType<FontFace>().ToList();
        return codePoint => faces.TrueForAll(f => f.HasGlyph(codePoint));
    }

    private IEnumerable<TextSpan> Spans(IEnumerable<Inline> inlines) => inlines.Select(i => new TextSpan(i.Text)
    {
        Weight = i.Bold ? SKFontStyleWeight.Bold : null,
        LinkUrl = i.Link is { } url && !url.StartsWith('#') ? url : null,
        LinkAnchor = i.Link is { } anchor && anchor.StartsWith('#') ? anchor[1..] : null,
        Underline = i.Link is null ? null : true,
        Color = i.Link is null ? null : theme.Link,
    });

    private static string Plain(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));

    /// <summary><paramref name="basis"/> with the size and line height of a named theme style (and a colour, if given).</summary>
    private ParagraphStyle Styled(string name, ParagraphStyle basis, SKColor? color = null)
    {
        var style = theme.Style(name);
        return basis with { Text = basis.Text with { Size = style.Size, Color = color ?? basis.Text.Color }, LineHeight = style.LineHeight };
    }
}
