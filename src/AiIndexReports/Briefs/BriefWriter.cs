using System.Globalization;
using AiIndexReports.Config;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Text;

namespace AiIndexReports.Briefs;

/// <summary>
/// The Write stage: renders a brief's section templates (templates/&lt;folder&gt;/*.md.sbn, in file-name order) with the
/// edition's metrics and reads the Markdown into a <see cref="BriefDocument"/>. Besides the Korean helpers, templates
/// get <c>figure "id"</c>, <c>page_break</c>, <c>year_of</c>, the <c>brief</c> cover fields and the <c>methodology</c> lists.
/// </summary>
public sealed class BriefWriter(string repoRoot)
{
    private readonly string _templatesRoot = Path.Combine(repoRoot, "templates");

    /// <summary>
    /// Longest rendered section accepted, in characters. A real section is a few thousand characters; without a cap a
    /// template loop (up to the renderer's 10,000 iterations) could make a 9,000-row table or a megabyte paragraph that
    /// typesets into hundreds of pages.
    /// </summary>
    public const int MaxSectionChars = 100_000;

    /// <summary>
    /// Longest run of characters without a space, in a rendered section. The longest real one is a URL of about 150
    /// characters; a word wider than a line is broken between characters, which costs time that grows with the square
    /// of the word's length (a 45,000-character word takes minutes).
    /// </summary>
    public const int MaxWordChars = 1_000;

    private static void RefuseAbsurdSize(string markdown, string file)
    {
        if (markdown.Length > MaxSectionChars)
            throw new BuildFailedException(new Diagnostic(new SourceLocation(file),
                $"the section renders to {markdown.Length / 1000:N0}K characters of Markdown; a section may have at most {MaxSectionChars / 1000}K "
                + "(about 40 pages): a loop printing too many rows or repeating text?"));
        var start = 0;
        for (var i = 0; i <= markdown.Length; i++)
        {
            if (i < markdown.Length && !char.IsWhiteSpace(markdown[i])) continue;
            if (i - start > MaxWordChars)
                throw new BuildFailedException(new Diagnostic(new SourceLocation(file),
                    $"the section renders a word of {i - start:N0} characters without a space (at most {MaxWordChars:N0}), "
                    + $"starting \"{markdown.Substring(start, 20)}…\": a loop joining text without spaces?"));
            start = i + 1;
        }
    }

    /// <summary>Section files of a template folder, repo-relative and in reading order.</summary>
    public IReadOnlyList<string> SectionFiles(string templateFolder)
    {
        var folder = Path.Combine(_templatesRoot, templateFolder);
        if (!Directory.Exists(folder))
            throw new BuildFailedException(new Diagnostic(new SourceLocation($"templates/{templateFolder}"), "template folder not found"));
        var files = Directory.GetFiles(folder, "*.md.sbn")
            .Select(f => $"{templateFolder}/{Path.GetFileName(f)}")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new BuildFailedException(new Diagnostic(new SourceLocation($"templates/{templateFolder}"), "no section templates (*.md.sbn) in the folder"));
        return files;
    }

    /// <summary>
    /// What each declared part of a brief becomes in an edition (available, an alternative, omitted), without rendering:
    /// the `coverage` command and `check`.
    /// </summary>
    public IReadOnlyList<CoverageEntry> Coverage(BriefSpec brief, MetricSet metrics, FigureSet figures) =>
        Select(brief, metrics, figures).SelectMany(s => s.Coverage).ToList();

    /// <summary>Decides the blocks of every section file and of the partials they include (in reading order).</summary>
    private List<(string File, IReadOnlyList<CoverageEntry> Coverage)> Select(BriefSpec brief, MetricSet metrics, FigureSet figures)
    {
        var renderer = new TemplateRenderer(_templatesRoot);
        var selector = new BlockSelector(metrics, figures);
        var selected = new List<(string, IReadOnlyList<CoverageEntry>)>();
        var problems = new List<Diagnostic>();
        void Visit(string file, int depth)
        {
            string source;
            try { source = renderer.ReadText(file); }
            // A partial that cannot be read is reported where it is included, with its line, by the rendering.
            catch (BuildFailedException) when (depth > 0) { return; }
            try
            {
                var (text, coverage) = selector.Select(source, "templates/" + file);
                selected.Add((file, coverage));
                if (depth < 5)
                    foreach (var include in BlockSelector.Includes(text)) Visit(include, depth + 1);
            }
            catch (BuildFailedException e) { problems.AddRange(e.Diagnostics); }
        }
        foreach (var file in SectionFiles(brief.Template)) Visit(file, 0);
        return problems.Count > 0 ? throw new BuildFailedException(problems) : selected;
    }

    public BriefDocument Write(BriefSpec brief, int edition, MetricSet metrics, FigureSet figures)
    {
        var issue = brief.IssueFor(edition, metrics.IssueNumber, metrics.PublicationDate);
        var model = new TemplateModel(metrics).Set("brief", CoverFields(brief, edition, issue));
        // Every section's parts are decided before any is rendered: the methodology note lists the omissions of all.
        var selected = Select(brief, metrics, figures);
        var coverage = selected.SelectMany(s => s.Coverage).ToList();
        var state = new WriteState(coverage);
        var selector = new BlockSelector(metrics, figures);
        using var budget = new RenderBudget(brief.RenderLimits);
        var renderer = new TemplateRenderer(_templatesRoot) { Transform = (display, text) => selector.Select(text, display).Text, Budget = budget };
        foreach (var function in Functions(metrics, figures, model, state)) renderer.Functions.Add(function);

        var reader = new MarkdownReader();
        var blocks = new List<BriefBlock>();
        var sections = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var file in SectionFiles(brief.Template))
        {
            var printedBefore = model.UsedMetricIds.ToHashSet(StringComparer.Ordinal);
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            var origins = new OutputOrigins();
            var rendered = renderer.Render(file, model, sources, origins);
            var caveats = Caveats(metrics, model, printedBefore);
            // Caveat lines are made from the metrics they qualify, not written by a template line.
            origins.Append(rendered.Length, caveats.Length, "templates/" + file, CaveatMetrics(metrics, model, printedBefore));
            var markdown = rendered + caveats;
            sections.Add(("templates/" + file, sources));
            RefuseAbsurdSize(markdown, "templates/" + file);
            blocks.AddRange(reader.Read(markdown, "templates/" + file, origins));
        }
        reader.CheckAnchors(blocks);
        if (reader.Errors.Count > 0) throw new BuildFailedException(reader.Errors);
        CheckVintage(metrics, model.UsedMetricIds.Concat(state.FigureMetrics), issue);
        return new BriefDocument(blocks)
        {
            Issue = issue, Origins = new TextOrigins(sections, metrics, model.UsedMetricIds.ToList(), brief),
            PrintedMetricIds = model.UsedMetricIds.Concat(state.FigureMetrics).Distinct().Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>What the functions of one brief's rendering share: the decisions, and the metrics of the figures placed so far.</summary>
    public sealed class WriteState(IReadOnlyList<CoverageEntry> coverage)
    {
        public IReadOnlyList<CoverageEntry> Coverage { get; } = coverage;
        public HashSet<string> FigureMetrics { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// A statistic with a wide uncertainty interval that a section printed without its interval gets a caveat line
    /// (from the data: the interval and what it rests on), so "851배" never stands alone.
    /// </summary>
    private static string Caveats(MetricSet metrics, TemplateModel model, HashSet<string> printedBefore)
    {
        var lines = WideIntervals(metrics, model, printedBefore)
            .Select(m =>
            {
                var value = KoreanNumbers.WithUnit(m.Number!.Value, m.Unit);
                var basis = m.Interval!.Basis is { } b ? $"{b}에 근거한 추정치로 " : "";
                return $"※ {m.Label} {Text.Josa.Attach(value, "은/는")} {basis}{MetricNode.IntervalText(m.Interval, m.Unit)}의 불확실성이 커 해석에 유의";
            }).ToList();
        return lines.Count == 0 ? "" : "\n\n" + string.Join("\n\n", lines) + "\n";
    }

    /// <summary>The metrics <see cref="Caveats"/> writes a line for: printed by this section, without their interval, which is wide.</summary>
    private static IEnumerable<Metric> WideIntervals(MetricSet metrics, TemplateModel model, HashSet<string> printedBefore)
    {
        var shown = model.IntervalsShown.ToHashSet(StringComparer.Ordinal);
        return model.UsedMetricIds.Where(id => !printedBefore.Contains(id) && !shown.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => metrics[id])
            .Where(m => m is { Number: { } v, Interval: { } i } && i.IsWide(v));
    }

    private static IReadOnlyList<string> CaveatMetrics(MetricSet metrics, TemplateModel model, HashSet<string> printedBefore) =>
        WideIntervals(metrics, model, printedBefore).Select(m => m.Id).ToList();

    /// <summary>
    /// No figure released after the brief's date may be printed (the vintage rule): one error per release, at the first
    /// row of it the brief prints, naming the metrics.
    /// </summary>
    private static void CheckVintage(MetricSet metrics, IEnumerable<string> printed, BriefIssue? issue)
    {
        if (issue is null) return;
        var late = printed.Distinct().Order(StringComparer.Ordinal).Select(id => metrics[id])
            .Where(m => m.Released is { } r && r > issue.Date)
            // The release that is late: the credited source released on that date.
            .GroupBy(m => (m.Released, Credits: metrics.Sources.FirstOrDefault(c => c.Released == m.Released && m.Credits.Contains(c.Line))?.Line
                ?? string.Join("; ", m.Credits)))
            .Select(g =>
            {
                var rows = g.Select(m => m.ReleasedBy).OfType<SourceLocation>().Distinct()
                    .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
                var ids = g.Select(m => $"'{m.Id}'").ToList();
                return new Diagnostic(rows.FirstOrDefault(),
                    $"released {g.Key.Released:yyyy-MM-dd} ({g.Key.Credits}), after this brief's date {issue.Date:yyyy-MM-dd}: "
                    + $"metric {string.Join(", ", ids.Take(3))}{(ids.Count > 3 ? $" and {ids.Count - 3} more" : "")}"
                    + $"{(rows.Count > 1 ? $" (from this row and {rows.Count - 1} more)" : "")} may not be printed; date the brief later or leave the figure out");
            })
            .ToList();
        if (late.Count > 0) throw new BuildFailedException(late);
    }

    /// <summary>
    /// The functions a brief's templates get besides the Korean helpers. The methodology lists are computed when the
    /// template calls them, from what the sections before it printed (<see cref="TemplateModel.UsedMetricIds"/>) and the
    /// metrics behind the figures placed so far.
    /// </summary>
    public static IReadOnlyList<TemplateFunction> Functions(MetricSet metrics, FigureSet figures, TemplateModel model, WriteState? state = null)
    {
        state ??= new WriteState([]);
        var figureMetrics = state.FigureMetrics;
        IEnumerable<MethodologyEntry> Entries(bool available) => Methodology.Entries(metrics).Where(e => e.Available == available);
        // Computed numbers, series and tables the brief shows; texts such as dates and model names explain themselves.
        bool Printed(MethodologyEntry e) => e.Section != "edition" &&
            e.Members.Any(id => (model.UsedMetricIds.Contains(id) || figureMetrics.Contains(id)) && metrics[id].Text is null);
        IEnumerable<string> PrintedCredits() => model.UsedMetricIds.Concat(figureMetrics).Distinct()
            .SelectMany(id => metrics.TryGet(id, out var m) ? m.Credits : []).Distinct();

        return
        [
            new("figure", (string id) =>
            {
                var marker = Figure(figures, id);
                // A figure without data is left out; the coverage decisions (methodology note, `coverage`) say so.
                if (figures[id].IsPlaceholder) return "";
                figureMetrics.UnionWith(figures[id].MetricIds);
                return marker;
            }, "figure \"id\"",
                "places a figure (caption \"[그림 n] …\", chart, source line) by id; a figure without data is left out and the methodology note says why: " + string.Join(", ", figures.Figures.Select(f => f.Id)),
                "{{ figure \"models_by_country\" }}"),
            new("page_break", () => "\n" + MarkdownReader.PageBreakMarker + "\n", "page_break", "starts a new page", "{{ page_break }}"),
            new("year_of", (object date) => YearOf(date), "date | year_of", "the year of a date written yyyy-MM-dd", "{{ \"2025-02-24\" | year_of }}"),
            new("country", (object iso3) => Countries.KoreanName(ScriptValues.ToText(iso3, "country")), "iso3 | country",
                "Korean name of a country code (USA → 미국, EUR → 유럽)", "{{ \"KOR\" | country }}, {{ \"EUR\" | country }}"),
            new("num_auto", (object value) => NumAuto(value), "value | num_auto",
                "comma grouping with as many decimals as the value has (at most 2)", "{{ 1 | num_auto }}, {{ 17.3 | num_auto }}, {{ 1234.567 | num_auto }}"),
            new("num_like", (object value, object like) => KoreanNumbers.Group(ScriptValues.ToNumber(value, "num_like"), DecimalsOf(ScriptValues.ToNumber(like, "num_like"))),
                "value | num_like other",
                "comma grouping with as many decimals as other has (at most 2): one precision for one quantity, e.g. last edition's value and the change written like this one's",
                "{{ 10.26 | num_like 17.3 }}, {{ 7.04 | num_like 17.3 }}"),
            new("show", (object metric) => metric is MetricNode node
                    ? KoreanNumbers.WithUnit(node.NumberFor("show"), node.Metric.Unit)
                    : throw new ArgumentException($"`show` expects a metric object (e.g. metrics.indicators.corporate_ai_investment), found {metric ?? "nothing (null)"}"),
                "metric | show", "a number metric's value in its own unit, as briefs write it (see with_unit): for indicators whose unit the catalog gives",
                "{{ metrics.patents.per_100k.KOR | show }}"),
            new("source_line", (object items) => SourceLine(metrics, items), "[metric, …] | source_line",
                "the 자료 line of a table: the credits of the metrics' inputs, from edition.toml and data/indicators.toml",
                "{{ [metrics.models.ranking] | source_line }}"),
            new("methodology_printed", () => MethodologyRows(Entries(available: true).Where(Printed)), "methodology_printed",
                "rows {label, formula, sources} of the \"지표 산출 방법\" table: every computed metric the sections before it printed, figures included",
                "{{ for e in methodology_printed limit:2 }}| {{ e.label }} | {{ e.formula }} | {{ e.sources }} |{{ end }}"),
            new("methodology_omitted", () => MethodologyRows(Entries(available: false)), "methodology_omitted",
                "rows {label, reason} of the metrics this edition's data cannot support",
                "{{ for e in methodology_omitted limit:2 }}- {{ e.label }}: {{ e.reason }} {{ end }}"),
            new("coverage_notes", () => CoverageNotes(state.Coverage), "coverage_notes",
                "rows {reason, parts, text} of the parts of this brief's body left out or replaced by their alternative for lack of data, one per reason, in Korean",
                "{{ for n in coverage_notes }}- {{ n.text }}{{ end }}"),
            new("references", () => References(metrics, PrintedCredits()), "references",
                "rows {publisher, year, title, report, date, licence, url, line} of the sources of everything printed so far (참고문헌), from edition.toml and data/indicators.toml; report is true for a report, whose title a Korean brief prints in 『』",
                "{{ for r in references }}1. {{ r.line }}{{ end }}"),
        ];
    }

    private static string Figure(FigureSet figures, string id)
    {
        if (!figures.Figures.Any(f => f.Id == id))
            throw new ArgumentException($"unknown figure id \"{id}\" (known: {string.Join(", ", figures.Figures.Select(f => f.Id))})");
        return "\n" + MarkdownReader.FigureMarker(id) + "\n";
    }

    private static string NumAuto(object value)
    {
        var number = ScriptValues.ToNumber(value, "num_auto");
        return KoreanNumbers.Group(number, DecimalsOf(number));
    }

    /// <summary>Decimals a value is written with (at most two): 17 → 0, 17.3 → 1, 10.26 → 2.</summary>
    private static int DecimalsOf(double number) =>
        Math.Round(number, 0) == Math.Round(number, 2) ? 0 : Math.Round(number, 1) == Math.Round(number, 2) ? 1 : 2;

    private static string YearOf(object date) =>
        KoreanDates.Parse(ScriptValues.ToText(date, "year_of")).Year.ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> CoverFields(BriefSpec brief, int edition, BriefIssue? issue = null)
    {
        issue ??= brief.IssueFor(edition);
        return new Dictionary<string, object?>
        {
            ["id"] = brief.Id,
            ["variant"] = brief.Variant,
            ["edition"] = edition,
            ["series"] = brief.Series,
            ["number"] = issue?.Number ?? "",
            ["date"] = issue?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["title"] = brief.Fill(brief.Title, edition),
            ["subtitle"] = brief.Fill(brief.Subtitle, edition),
            ["publisher"] = brief.Publisher,
            ["authors"] = brief.Authors.ToList(),
        };
    }

    /// <summary>"자료: Epoch AI(2025), Notable AI Models; Stanford HAI(2025), AI Index Report 2025" from metric objects.</summary>
    private static string SourceLine(MetricSet metrics, object items)
    {
        var nodes = items switch
        {
            Scriban.Runtime.ScriptArray array => array.Cast<object?>(),
            _ => [items],
        };
        var credits = new List<string>();
        foreach (var item in nodes)
        {
            if (item is not MetricNode node)
                throw new ArgumentException($"`source_line` expects metrics (e.g. [metrics.models.ranking]), found {item ?? "nothing (null)"}");
            foreach (var credit in node.Metric.Credits)
                if (!credits.Contains(credit)) credits.Add(credit);
        }
        if (credits.Count == 0) throw new ArgumentException("`source_line`: the metrics given have no credited source");
        return "자료: " + string.Join("; ", credits);
    }

    /// <summary>
    /// The omissions and alternatives of a brief's body (headlines repeat the body and are not listed), one row per reason
    /// in reading order: "Epoch AI … 재집계할 수 없음: 국가별 모델 수 표 생략; 미국·중국의 모델 수는 발표값으로 대신함".
    /// </summary>
    private static object? CoverageNotes(IReadOnlyList<CoverageEntry> coverage) =>
        ScriptValues.From(coverage.Select((c, Order) => (c, Order))
            .Where(x => x.c.Status != CoverageStatus.Available && x.c.Kind != "headline" && !x.c.Optional)
            .GroupBy(x => x.c.Reason ?? "", x => x, StringComparer.Ordinal)
            .Select(g =>
            {
                // What a reader misses, not every sentence that depended on it: the section, figure or table first,
                // then the first paragraphs, at most two per reason.
                var shown = g.DistinctBy(x => x.c.What).OrderBy(x => x.c.Kind switch { "section" => 0, "figure" or "table" => 1, _ => 2 })
                    .ThenBy(x => x.Order).Take(2).OrderBy(x => x.Order).Select(x => x.c).ToList();
                var omitted = shown.Where(c => c.Status == CoverageStatus.Omitted).Select(c => c.What).ToList();
                var replaced = shown.Where(c => c.Status == CoverageStatus.Alternative)
                    .Select(c => $"{Josa.Attach(c.What, "은/는")} {Josa.Attach(c.UsedInstead ?? "", "(으)로")} 대신함").ToList();
                // A report's sentence: "추론 비용은 다루지 않음: 2024년판 AI 인덱스 자료에 … 값이 없음".
                var parts = new List<string>();
                if (omitted.Count > 0) parts.Add(Josa.Attach(string.Join(", ", omitted), "은/는") + " 다루지 않음");
                parts.AddRange(replaced);
                var joined = string.Join(", ", parts);
                return new Dictionary<string, object?>
                {
                    ["reason"] = g.Key, ["parts"] = joined,
                    ["text"] = g.Key.Length > 0 ? $"{joined}: {g.Key}" : joined,
                    ["omitted"] = g.Where(x => x.c.Status == CoverageStatus.Omitted).Select(x => x.c.What).Distinct().ToList(),
                    ["kinds"] = g.Select(x => x.c.Kind).Distinct().ToList(),
                };
            }).ToList(), "coverage_notes");

    /// <summary>The sources behind the printed credits, each once, in the order of a 참고문헌.</summary>
    private static object? References(MetricSet metrics, IEnumerable<string> printedCredits)
    {
        var wanted = printedCredits.ToHashSet(StringComparer.Ordinal);
        // As Korean reference lists read: Korean sources first, then by publisher, year (undated last) and title.
        return ScriptValues.From(metrics.Sources.Where(c => wanted.Contains(c.Line)).DistinctBy(c => c.Line)
            .OrderBy(c => c.Publisher.Length > 0 && c.Publisher[0] is >= '가' and <= '힣' ? 0 : 1)
            .ThenBy(c => c.Publisher, StringComparer.Ordinal).ThenBy(c => c.Released?.Year ?? c.Year ?? int.MaxValue)
            .ThenBy(c => c.Title, StringComparer.Ordinal)
            .Select(c => new Dictionary<string, object?>
            {
                ["publisher"] = c.Publisher, ["title"] = c.Title, ["report"] = c.IsReport,
                ["year"] = c.Released?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
                ["date"] = c.Released?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ["licence"] = c.Licence, ["url"] = c.Url ?? "", ["line"] = c.Line,
            }).ToList(), "references");
    }

    /// <summary>Rows of the "지표 산출 방법" appendix as template values (file names with line counts, not every line).</summary>
    private static object? MethodologyRows(IEnumerable<MethodologyEntry> entries) =>
        ScriptValues.From(entries.Select(e => new Dictionary<string, object?>
        {
            ["id"] = e.Id,
            ["section"] = e.Section,
            ["label"] = e.Label,
            ["unit"] = e.Unit,
            ["formula"] = e.Formula,
            ["sources"] = string.Join(", ", e.Sources.Select(ShortSource)),
            ["reason"] = e.ReasonKo ?? e.Reason ?? "",
        }).ToList(), "methodology");

    /// <summary>"data/shared/aiindex/indicators.csv:10-13,26" → "indicators.csv 10-13, 26행"; long line lists become a count.</summary>
    private static string ShortSource(string source)
    {
        var colon = source.LastIndexOf(':');
        var file = Path.GetFileName(colon > 0 ? source[..colon] : source);
        if (colon <= 0) return file;
        var lines = source[(colon + 1)..].Split(',');
        return lines.Length <= 3 ? $"{file} {string.Join(", ", lines)}행" : $"{file} {lines.Length}개 구간";
    }
}
