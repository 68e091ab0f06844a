using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// Loose justified lines of a PDF, measured from <c>pdftotext -bbox-layout</c> the way the team's loose_lines.py
/// does: a line of three or more words is justified when at least two other such lines on its page end within 1 pt
/// of its right edge; its bullet marker is dropped; each gap between words is divided by the line's median word
/// height; a justified line is loose when its widest gap is over <c>limit</c> times the median gap of all lines.
/// (pdftotext splits a line with very wide gaps into several, which this measure cannot see: the typesetter's own
/// tests bound the gaps of the lines it sets.) Also compiled into AiIndexReports.Tests (linked file).
/// </summary>
public static partial class LooseLines
{
    public sealed record Line(int Page, double WidestGap, string Text);

    /// <summary>The median gap (in word heights), how many lines are justified, and the loose ones, loosest first.</summary>
    public sealed record Result(double MedianGap, int JustifiedLines, IReadOnlyList<Line> Loose)
    {
        public override string ToString() =>
            $"{Loose.Count} of {JustifiedLines} justified lines have a word gap over the limit (median gap {MedianGap:0.000} of a word's height)"
            + string.Concat(Loose.Select(l => $"\n  p{l.Page} {l.WidestGap:0.00}x {l.Text}"));
    }

    static readonly string[] Markers = ["□", "○", "-", "※", "·", "•", "▪", "◦", "–"];

    public static Result Measure(byte[] pdf, double limit = 2.0) => Measure(BBoxLayout(pdf), limit);

    public static Result Measure(string bboxLayout, double limit)
    {
        var lines = new List<(int Page, bool Justified, double[] Gaps, string Text)>();
        var pages = bboxLayout.Split("<page ").Skip(1).ToArray();
        for (var p = 0; p < pages.Length; p++)
        {
            var pageLines = LineElement().Matches(pages[p])
                .Select(m => WordElement().Matches(m.Groups[1].Value).Select(Word).ToList())
                .Where(words => words.Count >= 3)
                .ToList();
            var ends = pageLines.Select(words => words[^1].XMax).ToList();
            foreach (var line in pageLines)
            {
                var justified = ends.Count(e => Math.Abs(e - line[^1].XMax) <= 1.0) >= 3;
                var words = Markers.Contains(line[0].Text) ? line.Skip(1).ToList() : line;
                if (words.Count < 2) continue;
                var height = Median(words.Select(w => w.YMax - w.YMin));
                var gaps = words.Zip(words.Skip(1), (a, b) => (b.XMin - a.XMax) / height).ToArray();
                lines.Add((p + 1, justified, gaps, string.Join(" ", words.Select(w => w.Text))));
            }
        }
        var median = Median(lines.SelectMany(l => l.Gaps));
        var justifiedLines = lines.Where(l => l.Justified).ToList();
        var loose = justifiedLines
            .Where(l => l.Gaps.Max() > limit * median)
            .Select(l => new Line(l.Page, l.Gaps.Max() / median, l.Text))
            .OrderByDescending(l => l.WidestGap)
            .ToList();
        return new Result(median, justifiedLines.Count, loose);
    }

    static (double XMin, double YMin, double XMax, double YMax, string Text) Word(Match m) =>
        (Number(m, 1), Number(m, 2), Number(m, 3), Number(m, 4), WebUtility.HtmlDecode(m.Groups[5].Value));

    static double Number(Match m, int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>The median as Python's statistics.median takes it (the mean of the two middle values of an even count).</summary>
    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Runs <c>pdftotext -bbox-layout</c> on the PDF (written to a temp file).</summary>
    public static string BBoxLayout(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"loose-lines-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-bbox-layout", path, "-" }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftotext failed ({process.ExitCode}): {errors.Result}");
            return output.Result;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"<line[^>]*>(.*?)</line>", RegexOptions.Singleline)]
    private static partial Regex LineElement();

    [GeneratedRegex(@"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">(.*?)</word>")]
    private static partial Regex WordElement();
}
