using AiIndexReports.Briefs;
using AiIndexReports.Charts;

namespace AiIndexReports.Tests.Charts;

/// <summary>
/// The chart colours of templates/theme.toml must stay apart for every reader: the countries the trend lines draw
/// together (US, China, Europe) and Korea's highlight, and the bars (plain, Korea, the highlighted series), compared in
/// CIEDE2000 after simulating protanopia and deuteranopia (Machado, Oliveira and Fernandes 2009, severity 1). Red and
/// orange for China and Korea once measured ΔE 8.6 in normal vision and 6.7 for deuteranopes.
/// </summary>
public class ChartPaletteTests
{
    private const double MinimumDistance = 20;

    private static readonly ChartTheme Theme = BriefTheme.Load(TestRepo.Root).Chart;

    public static TheoryData<string> Visions => new() { "normal", "protanopia", "deuteranopia" };

    [Theory]
    [MemberData(nameof(Visions))]
    public void Country_lines_and_the_Korea_highlight_are_told_apart(string vision)
    {
        // Trend lines take the palette in order: US, China, Europe; Korea is the highlight colour.
        AssertApart(vision, ("미국", Theme.Palette[0]), ("중국", Theme.Palette[1]), ("유럽", Theme.Palette[2]), ("한국", Theme.KoreaColor));
    }

    [Theory]
    [MemberData(nameof(Visions))]
    public void Bars_korea_and_the_highlighted_series_are_told_apart(string vision)
    {
        AssertApart(vision, ("막대", Theme.BarColor), ("한국", Theme.KoreaColor), ("강조 막대", Theme.Palette[0]));
    }

    [Fact]
    public void The_measure_sees_the_red_and_orange_the_issue_reported()
    {
        // The old China red and Korea orange: close for everyone, closer still for deuteranopes.
        Assert.InRange(Distance("#D0473A", "#E4572E", null), 5, 12);
        Assert.InRange(Distance("#D0473A", "#E4572E", Deuteranopia), 3, 10);
        // A blue and an orange stay far apart in every vision.
        Assert.True(Distance("#1B4F8A", "#E08E0B", Protanopia) > 40);
    }

    private static void AssertApart(string vision, params (string Name, string Hex)[] colours)
    {
        var matrix = vision switch { "protanopia" => Protanopia, "deuteranopia" => Deuteranopia, _ => null };
        var close = new List<string>();
        for (var i = 0; i < colours.Length; i++)
            for (var j = i + 1; j < colours.Length; j++)
            {
                var d = Distance(colours[i].Hex, colours[j].Hex, matrix);
                if (d < MinimumDistance) close.Add($"{colours[i].Name} {colours[i].Hex} / {colours[j].Name} {colours[j].Hex}: ΔE00 {d:0.0}");
            }
        Assert.True(close.Count == 0, $"{vision}: colours closer than ΔE00 {MinimumDistance}: {string.Join("; ", close)}");
    }

    // Machado et al. (2009), severity 1.0, applied to linear RGB.
    private static readonly double[,] Protanopia = { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } };
    private static readonly double[,] Deuteranopia = { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } };

    private static double Distance(string a, string b, double[,]? vision) => Ciede2000(Lab(a, vision), Lab(b, vision));

    private static (double L, double A, double B) Lab(string hex, double[,]? vision)
    {
        static double Linear(int c) { var v = c / 255.0; return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4); }
        var rgb = new[] { Linear(Convert.ToInt32(hex[1..3], 16)), Linear(Convert.ToInt32(hex[3..5], 16)), Linear(Convert.ToInt32(hex[5..7], 16)) };
        if (vision is not null)
            rgb = Enumerable.Range(0, 3).Select(i => Math.Clamp(vision[i, 0] * rgb[0] + vision[i, 1] * rgb[1] + vision[i, 2] * rgb[2], 0, 1)).ToArray();
        double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : 7.787 * t + 16.0 / 116;
        double fx = F(x / 0.95047), fy = F(y), fz = F(z / 1.08883);
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).</summary>
    private static double Ciede2000((double L, double A, double B) c1, (double L, double A, double B) c2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        static double Deg(double rad) => rad * 180 / Math.PI;
        double cBar = (Math.Sqrt(c1.A * c1.A + c1.B * c1.B) + Math.Sqrt(c2.A * c2.A + c2.B * c2.B)) / 2;
        double g = 0.5 * (1 - Math.Sqrt(Math.Pow(cBar, 7) / (Math.Pow(cBar, 7) + Math.Pow(25, 7))));
        double a1 = (1 + g) * c1.A, a2 = (1 + g) * c2.A;
        double cp1 = Math.Sqrt(a1 * a1 + c1.B * c1.B), cp2 = Math.Sqrt(a2 * a2 + c2.B * c2.B);
        double h1 = (Deg(Math.Atan2(c1.B, a1)) + 360) % 360, h2 = (Deg(Math.Atan2(c2.B, a2)) + 360) % 360;
        double dL = c2.L - c1.L, dC = cp2 - cp1;
        double dh = cp1 * cp2 == 0 ? 0 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
        double dH = 2 * Math.Sqrt(cp1 * cp2) * Math.Sin(Rad(dh / 2));
        double lBar = (c1.L + c2.L) / 2, cpBar = (cp1 + cp2) / 2;
        double hBar = cp1 * cp2 == 0 ? h1 + h2 : Math.Abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        double t = 1 - 0.17 * Math.Cos(Rad(hBar - 30)) + 0.24 * Math.Cos(Rad(2 * hBar)) + 0.32 * Math.Cos(Rad(3 * hBar + 6)) - 0.20 * Math.Cos(Rad(4 * hBar - 63));
        double dTheta = 30 * Math.Exp(-Math.Pow((hBar - 275) / 25, 2));
        double rc = 2 * Math.Sqrt(Math.Pow(cpBar, 7) / (Math.Pow(cpBar, 7) + Math.Pow(25, 7)));
        double sl = 1 + 0.015 * Math.Pow(lBar - 50, 2) / Math.Sqrt(20 + Math.Pow(lBar - 50, 2));
        double sc = 1 + 0.045 * cpBar, sh = 1 + 0.015 * cpBar * t;
        double rt = -Math.Sin(Rad(2 * dTheta)) * rc;
        return Math.Sqrt(Math.Pow(dL / sl, 2) + Math.Pow(dC / sc, 2) + Math.Pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }
}
