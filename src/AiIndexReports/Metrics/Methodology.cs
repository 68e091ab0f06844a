using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AiIndexReports.Metrics;

/// <summary>One line of the brief's "지표 산출 방법": a metric, or a family of per-country metrics sharing one formula.</summary>
/// <param name="Id">metric id, or a family pattern with {C} for the country code ("models.by_country.{C}.count")</param>
/// <param name="Section">first id segment: edition, models, patents, gap, cost, invest, vibrancy, korea</param>
/// <param name="Sources">one entry per file with its lines, e.g. "data/shared/aiindex/indicators.csv:2-3,8"</param>
/// <param name="Available">false only when no member could be computed; <paramref name="Reason"/> then says why</param>
/// <param name="Members">the metric ids this entry covers</param>
/// <param name="Omitted">members left out of this edition, each with its reason</param>
public sealed record MethodologyEntry(
    string Id, string Section, string Label, string Unit, string Formula, IReadOnlyList<string> Sources,
    bool Available, string? Reason, string? ReasonKo, IReadOnlyList<string> Members, IReadOnlyList<OmittedMetric> Omitted);

/// <summary>A metric the edition's data could not support.</summary>
public sealed record OmittedMetric(string Id, string Label, string Reason, string ReasonKo);

/// <summary>Turns a <see cref="MetricSet"/> into the methodology appendix's content (data only; the template renders it).</summary>
public static class Methodology
{
    private static readonly string[] SectionOrder = ["edition", "models", "patents", "gap", "cost", "invest", "vibrancy", "indicators", "korea"];
    private static readonly Regex CountrySegment = new(@"\.(?<code>[A-Z]{3})(?=\.|$)", RegexOptions.CultureInvariant | RegexOptions.RightToLeft);

    public static IReadOnlyList<MethodologyEntry> Entries(MetricSet metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        // Per-country metrics with the same formula form one family; the last country segment of the id becomes {C}.
        var groups = metrics.All
            .GroupBy(m => (Pattern: FamilyPattern(m.Id), m.Formula))
            .Select(g => g.ToList());

        return groups.Select(Entry)
            .OrderBy(e => SectionRank(e.Section)).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static MethodologyEntry Entry(List<Metric> members)
    {
        var first = members[0];
        var single = members.Count == 1;
        var id = single ? first.Id : FamilyPattern(first.Id);
        var label = single ? first.Label : FamilyLabel(first);
        var available = members.Any(m => m.Available);
        var omitted = members.Where(m => !m.Available)
            .Select(m => new OmittedMetric(m.Id, m.Label, m.UnavailableReason ?? "", m.UnavailableReasonKo ?? "")).ToList();
        var section = first.Id.Split('.')[0];
        return new MethodologyEntry(id, section, label, first.Unit, first.Formula, CompactSources(members.SelectMany(m => m.Sources)),
            available, available ? null : first.UnavailableReason, available ? null : first.UnavailableReasonKo,
            members.Select(m => m.Id).ToList(), omitted);
    }

    // The US–China gap is printed per benchmark with one formula: one appendix line for all benchmarks.
    private static readonly Regex BenchmarkSegment = new(@"^gap\.(?<bench>mmlu|mmmu|math|humaneval|arena)\.(?=(start|end|reduction|change|start_period|end_period)$)", RegexOptions.CultureInvariant);
    private static readonly Dictionary<string, string> BenchmarkNames = new(StringComparer.Ordinal)
    {
        ["mmlu"] = "MMLU", ["mmmu"] = "MMMU", ["math"] = "MATH", ["humaneval"] = "HumanEval", ["arena"] = "챗봇 아레나",
    };

    private static string FamilyPattern(string id) =>
        BenchmarkSegment.IsMatch(id) ? BenchmarkSegment.Replace(id, "gap.{B}.") : CountrySegment.Replace(id, ".{C}", 1);

    /// <summary>"주목할 만한 AI 모델 수(미국)" → "주목할 만한 AI 모델 수(국가별)"; "…(최근 시점, MMLU)" → "…(최근 시점, 벤치마크별)".</summary>
    private static string FamilyLabel(Metric m)
    {
        if (BenchmarkSegment.Match(m.Id) is { Success: true } bench)
            return m.Label.Replace(BenchmarkNames[bench.Groups["bench"].Value], "벤치마크별", StringComparison.Ordinal);
        var code = CountrySegment.Match(m.Id).Groups["code"].Value;
        var name = RegionNames.Country(code);
        return m.Label.Replace($"({name}", "(국가별", StringComparison.Ordinal);
    }

    private static int SectionRank(string section)
    {
        var i = Array.IndexOf(SectionOrder, section);
        return i < 0 ? SectionOrder.Length : i;
    }

    /// <summary>"file:2-4,9" per file, files in ordinal order: the appendix names every row without listing hundreds of lines.</summary>
    internal static IReadOnlyList<string> CompactSources(IEnumerable<SourceLocation> sources) =>
        sources.GroupBy(s => s.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var lines = g.Select(s => s.Line).Where(l => l > 0).Distinct().Order().ToList();
                return lines.Count == 0 ? g.Key : $"{g.Key}:{Ranges(lines)}";
            }).ToList();

    private static string Ranges(List<int> lines)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count;)
        {
            var j = i;
            while (j + 1 < lines.Count && lines[j + 1] == lines[j] + 1) j++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(lines[i].ToString(CultureInfo.InvariantCulture));
            if (j > i) sb.Append('-').Append(lines[j].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return sb.ToString();
    }
}
