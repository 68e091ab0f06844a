using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AiIndexReports.Typesetting.Tests;

/// <summary>
/// A PDF's text as a reader's tool sees it: pages of lines of words with their boxes, from <c>pdftotext -bbox-layout</c>
/// (y grows downwards, in points). <see cref="EmptyAtBottom"/> measures page fill the way the team's page_fill.py does.
/// Also compiled into AiIndexReports.Tests (linked file).
/// </summary>
public static partial class PageText
{
    public sealed record Word(double XMin, double YMin, double XMax, double YMax, string Text);

    public sealed record Line(IReadOnlyList<Word> Words)
    {
        public string Text => string.Join(" ", Words.Select(w => w.Text));
        public double XMin => Words.Min(w => w.XMin);
        public double XMax => Words.Max(w => w.XMax);
        public double YMin => Words.Min(w => w.YMin);
        public double YMax => Words.Max(w => w.YMax);
        public override string ToString() => $"{YMin:0.#}: {Text}";
    }

    public sealed record Page(int Number, double Width, double Height, IReadOnlyList<Line> Lines)
    {
        public IEnumerable<Word> Words => Lines.SelectMany(l => l.Words);
    }

    public static IReadOnlyList<Page> Read(byte[] pdf) => Parse(LooseLines.BBoxLayout(pdf));

    public static IReadOnlyList<Page> Parse(string bboxLayout)
    {
        var pages = new List<Page>();
        foreach (Match page in PageElement().Matches(bboxLayout))
        {
            var lines = LineElement().Matches(page.Groups[3].Value)
                .Select(m => new Line(WordElement().Matches(m.Groups[1].Value).Select(w => new Word(
                    N(w.Groups[1].Value), N(w.Groups[2].Value), N(w.Groups[3].Value), N(w.Groups[4].Value), WebUtility.HtmlDecode(w.Groups[5].Value))).ToList()))
                .Where(l => l.Words.Count > 0)
                .ToList();
            pages.Add(new Page(pages.Count + 1, N(page.Groups[1].Value), N(page.Groups[2].Value), lines));
        }
        return pages;
    }

    /// <summary>
    /// Share of each page's text area left empty below its last word, as page_fill.py measures it: the text area runs
    /// from the topmost word (or 8 % of the height, if higher) to the footer band (the bottom 8.5 % of the page); the
    /// last word is the lowest one above that band.
    /// </summary>
    public static IReadOnlyList<double> EmptyAtBottom(IReadOnlyList<Page> pages) => pages.Select(page =>
    {
        var areaBottom = page.Height - 0.085 * page.Height;
        var words = page.Words.ToList();
        var top = words.Count == 0 ? 0 : words.Min(w => w.YMin);
        var body = words.Where(w => w.YMax < areaBottom).Select(w => w.YMax).ToList();
        var bottom = body.Count == 0 ? top : body.Max();
        return (areaBottom - bottom) / (areaBottom - Math.Min(top, 0.08 * page.Height));
    }).ToList();

    static double N(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<page width=""([\d.]+)"" height=""([\d.]+)"">(.*?)</page>", RegexOptions.Singleline)]
    private static partial Regex PageElement();

    [GeneratedRegex(@"<line[^>]*>(.*?)</line>", RegexOptions.Singleline)]
    private static partial Regex LineElement();

    [GeneratedRegex(@"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">(.*?)</word>")]
    private static partial Regex WordElement();
}
