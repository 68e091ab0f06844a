namespace AiIndexReports.Charts;

/// <summary>Builds axes with their tick labels decided up front (ScottPlot's automatic ticks would print "2,024" and unknown strings).</summary>
internal static class AxisBuilder
{
    /// <summary>A value axis from zero to a round number at or above <paramref name="max"/>·<paramref name="headroom"/>, about five ticks.</summary>
    public static ChartAxis LinearFromZero(string title, double max, Func<double, string> format, double headroom = 1.0)
    {
        double step = NiceStep(Math.Max(max, 1e-9) / 5);
        double top = Math.Ceiling(max / step) * step;
        var ticks = TicksBetween(0, top, step, format);
        double limit = Math.Max(top, max * headroom);
        return new ChartAxis(title, AxisScale.Linear, 0, limit, ticks);
    }

    /// <summary>A value axis around [min, max] with round ends, for scores that do not start at zero.</summary>
    public static ChartAxis LinearRange(string title, double min, double max, Func<double, string> format)
    {
        double step = NiceStep(Math.Max(max - min, 1e-9) / 5);
        double bottom = Math.Floor(min / step) * step;
        double top = Math.Ceiling(max / step) * step;
        if (top - bottom < step) top = bottom + step;
        return new ChartAxis(title, AxisScale.Linear, bottom, top, TicksBetween(bottom, top, step, format));
    }

    /// <summary>Years on a time axis: one tick per year or every 2nd/5th year so at most ~7 labels, printed "2024".</summary>
    public static ChartAxis Years(string title, double min, double max)
    {
        int first = (int)Math.Ceiling(min - 1e-9), last = (int)Math.Floor(max + 1e-9);
        int span = Math.Max(last - first, 1);
        int step = span <= 7 ? 1 : span <= 14 ? 2 : 5;
        var ticks = new List<AxisTick>();
        for (int year = first; year <= last; year++)
            if ((year - first) % step == 0)
                ticks.Add(new AxisTick(year, NumberFormat.Year(year)));
        return new ChartAxis(title, AxisScale.Linear, min, max, ticks);
    }

    /// <summary>A log axis spanning whole decades around [min, max]; ticks at 10^k, minor ticks at 2…9 × 10^k.</summary>
    public static ChartAxis LogDecades(string title, double min, double max, Func<double, string> format)
    {
        int low = (int)Math.Floor(Math.Log10(min) + 1e-9);
        int high = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        if (high <= low) high = low + 1;
        var ticks = new List<AxisTick>();
        var minor = new List<double>();
        for (int k = low; k <= high; k++)
        {
            double decade = Math.Pow(10, k);
            ticks.Add(new AxisTick(decade, format(decade)));
            if (k < high)
                for (int m = 2; m <= 9; m++) minor.Add(m * decade);
        }
        return new ChartAxis(title, AxisScale.Log10, Math.Pow(10, low), Math.Pow(10, high), ticks) { MinorTicks = minor };
    }

    /// <summary>Category axis for horizontal bars: bar i sits at -i so the first bar is on top.</summary>
    public static ChartAxis Categories(IReadOnlyList<BarItem> bars) =>
        new("", AxisScale.Linear, -(bars.Count - 0.5), 0.5, bars.Select((b, i) => new AxisTick(BarPosition(i), b.Label)).ToList());

    /// <summary>Category axis for grouped bars: rows of group titles carry no tick (the title is drawn in the plot).</summary>
    public static ChartAxis Categories(BarBody body) =>
        new("", AxisScale.Linear, -(body.Rows - 0.5), 0.5, body.Bars.Select((b, i) => new AxisTick(BarPosition(body.RowOf(i)), b.Label)).ToList());

    public static double BarPosition(int index) => -index;

    private static List<AxisTick> TicksBetween(double from, double to, double step, Func<double, string> format)
    {
        var ticks = new List<AxisTick>();
        int count = (int)Math.Round((to - from) / step);
        for (int i = 0; i <= count; i++)
        {
            double value = Math.Round(from + i * step, 10);
            ticks.Add(new AxisTick(value, format(value)));
        }
        return ticks;
    }

    /// <summary>1, 2, 2.5 or 5 × 10^k closest above the raw step.</summary>
    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double factor in new[] { 1, 2, 2.5, 5, 10 })
            if (factor * magnitude >= raw - 1e-12) return factor * magnitude;
        return 10 * magnitude;
    }
}
