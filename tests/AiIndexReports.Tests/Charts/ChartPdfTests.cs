using AiIndexReports.Charts;
using SkiaSharp;
using UglyToad.PdfPig;

namespace AiIndexReports.Tests.Charts;

/// <summary>Each figure drawn onto a real Skia PDF page and read back: vector text, each string once, document fonts only.</summary>
public class ChartPdfTests
{
    private static readonly FigureSet Figures = FigureBuilder.Build(ChartTestData.Edition2025());
    private static readonly ChartRenderer Renderer = new(RepoTypefaces.Instance);
    private const float PageWidth = 453f; // A4 text column between 71 pt margins

    public static TheoryData<string> FigureIds => new(FigureSpecs.All.Select(s => s.Id));

    // Embedding the (whole, unsubset) test fonts dominates the cost of a PDF: draw all figures into one document.
    private static readonly Lazy<byte[]> AllFiguresPdf = new(() => Pdf(Figures.Figures, ChartFrame.Titled));

    /// <summary>The letters of each page of <see cref="AllFiguresPdf"/>, read once.</summary>
    private static readonly Lazy<List<List<UglyToad.PdfPig.Content.Letter>>> AllFiguresLetters = new(() =>
    {
        using var pdf = PdfDocument.Open(AllFiguresPdf.Value);
        return pdf.GetPages().Select(p => p.Letters.ToList()).ToList();
    });

    private static byte[] Pdf(Figure figure, ChartFrame frame) => Pdf([figure], frame);

    /// <summary>One page per figure, the figure drawn at column width with a margin around it.</summary>
    private static byte[] Pdf(IReadOnlyList<Figure> figures, ChartFrame frame)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Creation = new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc), Modified = new DateTime(2025, 4, 16, 0, 0, 0, DateTimeKind.Utc),
        }))
        {
            foreach (var figure in figures)
            {
                float height = figure.PreferredHeight(PageWidth) + 80;
                var canvas = document.BeginPage(PageWidth + 40, height + 40);
                Renderer.Draw(canvas, figure, SKRect.Create(20, 20, PageWidth, height), frame);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(FigureIds))]
    public void Every_string_of_the_figure_is_pdf_text_exactly_once_in_the_document_font(string id)
    {
        var figure = Figures[id];
        var letters = AllFiguresLetters.Value[Figures.Figures.ToList().IndexOf(figure)]
            .Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();

        // Same characters, same counts: a duplicated render would double them, a stray label would add some.
        var expected = ChartRenderer.TextsOf(figure, ChartFrame.Titled).SelectMany(t => t).Where(c => !char.IsWhiteSpace(c))
            .GroupBy(c => c.ToString()).ToDictionary(g => g.Key, g => g.Count());
        var actual = letters.GroupBy(l => l.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));

        string text = string.Concat(letters.Select(l => l.Value));
        foreach (string unique in new[] { figure.Title, figure.XAxis.Title, figure.YAxis.Title }.Where(t => t.Length > 0))
        {
            string squeezed = unique.Replace(" ", "");
            Assert.True(Occurrences(text, squeezed) == 1, $"'{unique}' should occur once in the page text of {id}");
        }
        Assert.All(letters, l => Assert.Contains("Pretendard", l.FontName));
    }

    [Fact]
    public void Korean_title_axis_and_tick_labels_read_back_from_the_pdf()
    {
        using var pdf = PdfDocument.Open(Pdf(Figures["models_by_country"], ChartFrame.Titled));
        string text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "");
        Assert.Equal(1, Occurrences(text, "국가별주목할만한AI모델수(2024년)"));
        Assert.Equal(1, Occurrences(text, "모델수(개)"));
        Assert.Equal(1, Occurrences(text, "사우디아라비아"));
        Assert.Equal(1, Occurrences(text, "한국"));
    }

    [Fact]
    public void Bare_frame_leaves_title_and_source_to_the_brief()
    {
        var figure = Figures["patents_per_100k"];
        using var pdf = PdfDocument.Open(Pdf(figure, ChartFrame.Bare));
        string text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        Assert.DoesNotContain("자료", text);
        Assert.DoesNotContain("2023년", text);
        Assert.Contains("룩셈부르크", text);
        Assert.DoesNotContain(figure.Title, ChartRenderer.TextsOf(figure));
    }

    [Fact]
    public void Placeholder_draws_its_message_once()
    {
        var set = FigureBuilder.Build(ChartTestData.Without("cost.decline.rates"));
        using var pdf = PdfDocument.Open(Pdf(set["price_decline"], ChartFrame.Bare));
        Assert.Equal("자료없음", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", ""));
    }

    [Fact]
    public void Every_character_a_chart_draws_has_a_glyph_in_pretendard()
    {
        var regular = RepoTypefaces.Instance.GetTypeface("Pretendard", SKFontStyleWeight.Normal);
        var missing = Figures.Figures.SelectMany(f => ChartRenderer.TextsOf(f, ChartFrame.Titled))
            .SelectMany(t => t.EnumerateRunes()).Distinct().Where(r => regular.GetGlyph(r.Value) == 0).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Parallel_renders_give_the_same_bytes_as_sequential_ones()
    {
        byte[] sequential = AllFiguresPdf.Value;
        var parallel = new byte[4][];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = Pdf(Figures.Figures, ChartFrame.Titled));
        Assert.All(parallel, bytes => Assert.Equal(sequential, bytes));
    }

    [Fact]
    public void Svg_export_is_reproducible()
    {
        var figure = Figures["inference_price"];
        string first = Renderer.RenderSvg(figure), second = Renderer.RenderSvg(figure);
        Assert.Equal(first, second);
        Assert.Contains("clip-path=\"url(#clip1)\"", first);
    }

    [Fact]
    public void Line_markers_are_round_capped_zero_length_strokes_not_curves_in_pdf_and_svg()
    {
        // models_trend: the United States, China, Europe and Korea, 2014–2024 — 44 points, each with a marker.
        var figure = Figures["models_trend"];

        // In the PDF: "x y m x y l S" each (a disc in every conforming reader), where a circle was sixteen Bézier curves.
        using var pdf = PdfDocument.Open(Pdf(figure, ChartFrame.Titled));
        var operations = pdf.GetPage(1).Operations;
        Assert.DoesNotContain(operations, o => o.Operator == "c");
        var dots = operations.Zip(operations.Skip(1), operations.Skip(2)).Count(o =>
            o.First is UglyToad.PdfPig.Graphics.Operations.PathConstruction.BeginNewSubpath from
            && o.Second is UglyToad.PdfPig.Graphics.Operations.PathConstruction.AppendStraightLineSegment to
            && from.X == to.X && from.Y == to.Y && o.Third.Operator == "S");
        Assert.Equal(44, dots);

        // In the SVG: a path "Mx yLx y" with round caps each — Skia's SVG writer drops lone points, so never those.
        var svg = Renderer.RenderSvg(figure);
        var zeroLength = System.Text.RegularExpressions.Regex.Matches(svg, @"stroke-linecap=""round""[^>]* d=""M([-\d.]+) ([-\d.]+)L\1 \2""");
        Assert.Equal(44, zeroLength.Count);
        Assert.DoesNotContain("d=\"\"", svg);
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
