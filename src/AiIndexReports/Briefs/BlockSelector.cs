using System.Text.RegularExpressions;
using AiIndexReports.Charts;
using AiIndexReports.Metrics;

namespace AiIndexReports.Briefs;

/// <summary>
/// Sections, paragraphs, tables and figures declare what they need; this pass picks, before a template is rendered,
/// the first alternative whose metrics are all available and drops the rest, so templates need no if-chains on
/// `.available` and an unavailable metric is never evaluated. Syntax (templates/README.md, "Parts that depend on the data"):
/// <code>
/// ---                                  front matter: the whole section
/// what: 모델 성능 격차
/// needs: [gap.mmlu.end]
/// or: [gap.arena.end]
/// required: true
/// ---
/// :::needs [gap.mmlu.end, gap.mmlu.start] 미·중 MMLU 성능 격차       a block: first alternative
/// …
/// :::or [gap.arena.end] 미·중 챗봇 아레나 성능 격차                   next alternative
/// …
/// :::else                                                            text when none is available (optional)
/// …
/// :::end
/// :::when [indicators.corporate_ai_investment] 전 세계 기업 AI 투자     a part only some editions have data for:
/// …                                                                   its absence is not an omission to report
/// :::end
/// </code>
/// Lines that are not kept become <c>{{~ # ~}}</c> (a Scriban comment that leaves no trace), so every kept line keeps its
/// line number in error messages. Each decision is a <see cref="CoverageEntry"/>.
/// </summary>
public sealed partial class BlockSelector(MetricSet metrics, FigureSet figures)
{
    /// <summary>What replaces a line that is not kept: renders to nothing, keeps the line count.</summary>
    public const string Removed = "{{~ # ~}}";

    private sealed record Alternative(int Line, string Keyword, IReadOnlyList<(string Id, int Column)> Needs, string What, bool Required);

    private sealed class Block
    {
        public required Alternative First { get; init; }
        public List<(Alternative Head, int Start)> Parts { get; } = [];
        public int? ElseLine { get; set; }
    }

    /// <summary>The file's text with only the chosen parts kept, and what was decided.</summary>
    /// <exception cref="BuildFailedException">a syntax error, an unknown metric, or a required part without data</exception>
    public (string Text, IReadOnlyList<CoverageEntry> Coverage) Select(string text, string file)
    {
        var lines = text.Split('\n');
        var keep = new bool[lines.Length];
        Array.Fill(keep, true);
        var coverage = new List<CoverageEntry>();
        var errors = new List<Diagnostic>();

        var bodyStart = FrontMatter(lines, file, keep, coverage, errors, out var sectionKept);
        if (!sectionKept)
        {
            Array.Fill(keep, false);
            return (Join(lines, keep), Checked(coverage, errors));
        }
        // A file with a heading (or front matter) is a section; one without (a partial, the summary box) is only its parts.
        if (bodyStart > 0 || HasHeading(lines)) coverage.Add(new CoverageEntry(file, 1, "section", SectionTitle(lines, file), CoverageStatus.Available));

        // Blocks, innermost first, by a stack of open ones; the summary box makes its blocks "headlines".
        var stack = new Stack<Block>();
        var blocks = new List<(Block Block, int End, bool Headline)>();
        var inSummary = false;
        for (var i = bodyStart; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed == ":::summary") inSummary = true;
            else if (trimmed == ":::" && stack.Count == 0) inSummary = false;
            if (!trimmed.StartsWith(":::", StringComparison.Ordinal)) continue;

            var match = Fence().Match(trimmed);
            if (!match.Success) continue; // :::summary and its closing ::: are Markdown's
            var keyword = match.Groups["kw"].Value;
            var at = i + 1;
            switch (keyword)
            {
                case "needs" or "when":
                    stack.Push(new Block { First = Head(line, at, keyword, file, errors) });
                    stack.Peek().Parts.Add((stack.Peek().First, i));
                    break;
                case "or":
                    if (stack.Count == 0 || stack.Peek().ElseLine is not null)
                    {
                        errors.Add(new Diagnostic(new SourceLocation(file, at, 1), stack.Count == 0 ? ":::or without an open :::needs" : ":::or after :::else (the fallback text comes last)"));
                        break;
                    }
                    stack.Peek().Parts.Add((Head(line, at, "or", file, errors), i));
                    break;
                case "else":
                    if (stack.Count == 0) errors.Add(new Diagnostic(new SourceLocation(file, at, 1), ":::else without an open :::needs"));
                    else stack.Peek().ElseLine = i;
                    break;
                case "end":
                    if (stack.Count == 0) errors.Add(new Diagnostic(new SourceLocation(file, at, 1), ":::end without an open :::needs"));
                    else blocks.Add((stack.Pop(), i, inSummary));
                    break;
            }
        }
        foreach (var open in stack)
            errors.Add(new Diagnostic(new SourceLocation(file, open.First.Line, 1), ":::needs is never closed: end the block with a line :::end"));
        if (errors.Count > 0) throw new BuildFailedException(errors);

        // Outer blocks first (a dropped outer block drops what is inside it, decided or not).
        foreach (var (block, end, headline) in blocks.OrderBy(b => b.Block.First.Line))
        {
            var start = block.Parts[0].Start;
            if (!keep[start]) continue;
            keep[start] = keep[end] = false;
            var chosen = block.Parts.FindIndex(p => Missing(p.Head.Needs) is null);
            var partEnds = block.Parts.Skip(1).Select(p => p.Start).Append(block.ElseLine ?? end).ToList();
            for (var k = 0; k < block.Parts.Count; k++)
            {
                keep[block.Parts[k].Start] = false;
                if (k != chosen) for (var j = block.Parts[k].Start; j < partEnds[k]; j++) keep[j] = false;
            }
            if (block.ElseLine is { } elseLine)
            {
                keep[elseLine] = false;
                if (chosen >= 0) for (var j = elseLine; j < end; j++) keep[j] = false;
            }

            var kept = chosen >= 0 ? lines[(block.Parts[chosen].Start + 1)..partEnds[chosen]] : [];
            var kind = headline ? "headline" : KindOf(block.Parts.SelectMany((p, k) => lines[(p.Start + 1)..partEnds[k]]));
            var first = block.First;
            var optional = first.Keyword == "when";
            // An alternative with the same description says the same thing from other data: nothing is missing.
            if (chosen == 0 || (chosen > 0 && block.Parts[chosen].Head.What == first.What))
                coverage.Add(new CoverageEntry(file, first.Line, kind, first.What, CoverageStatus.Available) { Optional = optional });
            else
            {
                var why = Missing(first.Needs)!;
                if (chosen < 0 && block.Parts.Any(p => p.Head.Required))
                    errors.Add(new Diagnostic(new SourceLocation(file, first.Line, 1),
                        $"required part \"{first.What}\" has no data in edition {metrics.Edition}: {why.UnavailableReason}"));
                coverage.Add((chosen > 0
                    ? new CoverageEntry(file, first.Line, kind, first.What, CoverageStatus.Alternative, block.Parts[chosen].Head.What, why.UnavailableReasonKo, why.UnavailableReason)
                    : new CoverageEntry(file, first.Line, kind, first.What, CoverageStatus.Omitted, null, why.UnavailableReasonKo, why.UnavailableReason))
                    with { Optional = optional });
            }
        }

        // Figures placed by the kept lines: one without data is left out (the figure function draws nothing) and said so.
        for (var i = 0; i < lines.Length; i++)
            if (keep[i])
                foreach (Match m in FigureCall().Matches(lines[i]))
                    if (figures.Figures.FirstOrDefault(f => f.Id == m.Groups["id"].Value) is { } figure)
                        coverage.Add(FigureEntry(figure, file, i + 1));

        return (Join(lines, keep), Checked([.. coverage.OrderBy(c => c.Line)], errors));
    }

    private static bool HasHeading(string[] lines) => lines.Any(l => l.TrimStart().StartsWith("# ", StringComparison.Ordinal));

    /// <summary>A figure's coverage: a placeholder (no data) is omitted with the reason of its first unavailable metric.</summary>
    public CoverageEntry FigureEntry(Figure figure, string file, int line)
    {
        var what = $"{figure.Title} 그림"; // "… 그림은 다루지 않음" reads as a sentence of the note
        if (!figure.IsPlaceholder) return new CoverageEntry(file, line, "figure", what, CoverageStatus.Available);
        var why = figure.MetricIds.Select(id => metrics.TryGet(id, out var m) ? m : null).FirstOrDefault(m => m is { Available: false });
        return new CoverageEntry(file, line, "figure", what, CoverageStatus.Omitted, null,
            why?.UnavailableReasonKo ?? "그림에 쓸 자료가 없음", why?.UnavailableReason ?? "not enough data to draw");
    }

    private IReadOnlyList<CoverageEntry> Checked(List<CoverageEntry> coverage, List<Diagnostic> errors) =>
        errors.Count > 0 ? throw new BuildFailedException(errors) : coverage;

    /// <summary>Reads the front matter; false in <paramref name="kept"/> when the section is left out. Returns the first body line.</summary>
    private int FrontMatter(string[] lines, string file, bool[] keep, List<CoverageEntry> coverage, List<Diagnostic> errors, out bool kept)
    {
        kept = true;
        if (lines.Length == 0 || lines[0].TrimEnd('\r').Trim() != "---") return 0;
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r').Trim() == "---");
        if (close < 0)
        {
            errors.Add(new Diagnostic(new SourceLocation(file, 1, 1), "front matter opened with --- is never closed with a line ---"));
            return 0;
        }
        string? what = null;
        var required = false;
        var alternatives = new List<Alternative>();
        for (var i = 1; i < close; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var colon = line.IndexOf(':');
            var key = colon < 0 ? line.Trim() : line[..colon].Trim();
            var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
            switch (key)
            {
                case "what": what = value; break;
                case "required":
                    if (value is not ("true" or "false")) errors.Add(new Diagnostic(new SourceLocation(file, i + 1, colon + 2), $"required: expected true or false, found \"{value}\""));
                    required = value == "true";
                    break;
                case "needs" or "or":
                    alternatives.Add(new Alternative(i + 1, key, Ids(value, line.IndexOf(value, colon + 1, StringComparison.Ordinal), i + 1, file, errors), "", false));
                    break;
                default:
                    errors.Add(new Diagnostic(new SourceLocation(file, i + 1, 1), $"unknown front matter key \"{key}\" (known: what, needs, or, required)"));
                    break;
            }
        }
        for (var i = 0; i <= close; i++) keep[i] = false;
        if (alternatives.Count == 0) return close + 1;
        if (alternatives[0].Keyword != "needs")
            errors.Add(new Diagnostic(new SourceLocation(file, alternatives[0].Line, 1), "front matter: `or:` comes after `needs:`"));
        what ??= SectionTitle(lines, file);
        if (errors.Count > 0) return close + 1;

        var chosen = alternatives.FindIndex(a => Missing(a.Needs) is null);
        if (chosen == 0) return close + 1;
        var why = Missing(alternatives[0].Needs)!;
        if (chosen < 0)
        {
            if (required)
                errors.Add(new Diagnostic(new SourceLocation(file, alternatives[0].Line, 1),
                    $"required section \"{what}\" has no data in edition {metrics.Edition}: {why.UnavailableReason}"));
            coverage.Add(new CoverageEntry(file, 1, "section", what, CoverageStatus.Omitted, null, why.UnavailableReasonKo, why.UnavailableReason));
            kept = false;
        }
        // A section kept through a later alternative is simply there: its blocks say what they use instead.
        return close + 1;
    }

    private Alternative Head(string line, int lineNumber, string keyword, string file, List<Diagnostic> errors)
    {
        var match = Fence().Match(line.Trim());
        var rest = match.Groups["rest"].Value;
        var required = false;
        if (rest.StartsWith("required", StringComparison.Ordinal))
        {
            required = true;
            rest = rest["required".Length..].TrimStart();
        }
        var open = rest.IndexOf('[');
        var close = rest.IndexOf(']');
        if (!rest.StartsWith('[') || close < 0)
        {
            errors.Add(new Diagnostic(new SourceLocation(file, lineNumber, line.IndexOf(':') + 1),
                $":::{keyword} expects a list of metric ids in brackets and a Korean description, e.g. :::{keyword} [gap.mmlu.end] 미·중 MMLU 격차"));
            return new Alternative(lineNumber, keyword, [], "", required);
        }
        var what = rest[(close + 1)..].Trim();
        if (what.Length == 0)
            errors.Add(new Diagnostic(new SourceLocation(file, lineNumber, line.Length + 1),
                $":::{keyword} needs a Korean description after the list (the methodology note names what was left out with it)"));
        var listColumn = line.IndexOf(rest, StringComparison.Ordinal) + open;
        return new Alternative(lineNumber, keyword, Ids(rest[..(close + 1)], listColumn, lineNumber, file, errors), what, required);
    }

    /// <summary>"[a.b, c.d]" → ids with their columns; each must name a metric or a prefix of metrics.</summary>
    private List<(string Id, int Column)> Ids(string list, int column, int line, string file, List<Diagnostic> errors)
    {
        var ids = new List<(string, int)>();
        var text = list.Trim();
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            errors.Add(new Diagnostic(new SourceLocation(file, line, column + 1), $"expected a list of metric ids in brackets, e.g. [gap.mmlu.end], found \"{list}\""));
            return ids;
        }
        var offset = 1;
        foreach (var part in text[1..^1].Split(','))
        {
            var id = part.Trim();
            var at = column + offset + part.IndexOf(id, StringComparison.Ordinal) + 1;
            offset += part.Length + 1;
            if (id.Length == 0) continue;
            if (!metrics.TryGet(id, out _) && !metrics.All.Any(m => m.Id.StartsWith(id + ".", StringComparison.Ordinal)) && Absent(id) is null)
            {
                var near = NearestName.Find(id, metrics.All.Select(m => m.Id));
                errors.Add(new Diagnostic(new SourceLocation(file, line, at), $"unknown metric '{id}'" + (near is null ? "" : $" (did you mean '{near}'?)")
                    + "; ids are listed in templates/VARIABLES.md"));
                continue;
            }
            ids.Add((id, at));
        }
        return ids;
    }

    /// <summary>The first metric of a list that is not available (for a prefix: the first unavailable metric under it), or null.</summary>
    private Metric? Missing(IReadOnlyList<(string Id, int Column)> needs)
    {
        foreach (var (id, _) in needs)
        {
            if (metrics.TryGet(id, out var metric))
            {
                if (!metric.Available) return metric;
                continue;
            }
            if (metrics.All.FirstOrDefault(m => m.Id.StartsWith(id + ".", StringComparison.Ordinal) && !m.Available) is { } under) return under;
            if (Absent(id) is { } absent) return absent;
        }
        return null;
    }

    /// <summary>
    /// An id that names a geography this edition has no row for: of a catalog indicator (indicators.&lt;name&gt;.&lt;GEO&gt;…)
    /// or of a per-country family that exists for other codes (invest.private.GBR). Such ids exist in editions that print
    /// the value, so in this one they are unavailable, not misspelt. Null for an id no edition can have.
    /// </summary>
    private Metric? Absent(string id)
    {
        var segments = id.Split('.');
        Metric? family = null;
        if (segments.Length >= 3 && segments[0] == "indicators" && metrics.TryGet($"indicators.{segments[1]}", out var indicator))
            family = indicator;
        else if (CountrySegment().IsMatch(id))
        {
            var pattern = new Regex("^" + Regex.Escape(CountrySegment().Replace(id, ".XXX", 1)).Replace("XXX", "[A-Z]{3}") + "$", RegexOptions.CultureInvariant);
            family = metrics.All.FirstOrDefault(m => pattern.IsMatch(m.Id));
        }
        if (family is null) return null;
        var geo = segments.FirstOrDefault(s => s.Length == 3 && s.All(char.IsAsciiLetterUpper)) ?? (segments.Length > 2 ? segments[2] : id);
        var name = Data.Countries.TryFromIso3(geo, out var country) ? country.KoreanName : geo;
        var label = family.Label.Split('(')[0];
        return new Metric
        {
            Id = id, Label = label, Unit = family.Unit, Formula = family.Formula, Available = false,
            UnavailableReason = $"not computable: edition {metrics.Edition} has no value for {id}",
            UnavailableReasonKo = $"{metrics.Edition}년판 자료에 ‘{label}’ 값({name})이 없음",
        };
    }

    [GeneratedRegex(@"\.[A-Z]{3}(?=\.|$)")]
    private static partial Regex CountrySegment();

    private static string KindOf(IEnumerable<string> content)
    {
        var lines = content.Select(l => l.Trim()).ToList();
        return lines.Any(l => FigureCall().IsMatch(l)) ? "figure" : lines.Any(l => l.StartsWith("표:", StringComparison.Ordinal)) ? "table" : "paragraph";
    }

    /// <summary>The section's "# heading" as written (Scriban expressions left as they are), or the file name.</summary>
    private static string SectionTitle(string[] lines, string file) =>
        lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
        ?? Path.GetFileName(file).Replace(".md.sbn", "", StringComparison.Ordinal);

    private static string Join(string[] lines, bool[] keep) =>
        string.Join('\n', lines.Select((l, i) => keep[i] ? l : Removed));

    /// <summary>The partials a selected text includes (paths relative to templates/), for deciding their blocks too.</summary>
    public static IEnumerable<string> Includes(string text) =>
        IncludeCall().Matches(text).Select(m => m.Groups["path"].Value);

    [GeneratedRegex(@"\binclude\s+""(?<path>[^""]+)""")]
    private static partial Regex IncludeCall();

    [GeneratedRegex(@"^:::(?<kw>needs|when|or|else|end)\b\s*(?<rest>.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\bfigure\s+""(?<id>[a-z0-9_]+)""")]
    private static partial Regex FigureCall();
}
