using ScottPlot;
using ScottPlot.AxisPanels;
using ScottPlot.TickGenerators;

namespace AiIndexReports.Charts;

/// <summary>
/// Turns a <see cref="Figure"/> into a ScottPlot <see cref="Plot"/>: axes with our own ticks, bars or lines, value labels.
/// Every label gets its typeface set directly (LabelStyle.Font), so ScottPlot never looks a font up by name.
/// Log axes are drawn as linear axes over log10 of the data, with ticks placed at log10 of their values.
/// </summary>
internal sealed class PlotComposer(ChartTheme theme, ChartFonts fonts)
{
    public Plot Compose(Figure figure)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        StyleAxes(plot);
        plot.Axes.Title.IsVisible = false;

        switch (figure.Body)
        {
            case BarBody bars: AddBars(plot, figure, bars); break;
            case LineBody lines: AddLines(plot, lines, figure); break;
        }

        ApplyAxis((AxisBase)plot.Axes.Bottom, figure.XAxis);
        ApplyAxis((AxisBase)plot.Axes.Left, figure.YAxis);
        plot.Axes.SetLimits(Position(figure.XAxis, figure.XAxis.Min), Position(figure.XAxis, figure.XAxis.Max),
            Position(figure.YAxis, figure.YAxis.Min), Position(figure.YAxis, figure.YAxis.Max));
        return plot;
    }

    /// <summary>Where a data value sits on the plot's (linear) coordinate: itself, or its log10 on a log axis.</summary>
    public static double Position(ChartAxis axis, double value) => axis.Scale == AxisScale.Log10 ? Math.Log10(value) : value;

    private void StyleAxes(Plot plot)
    {
        Color axisColor = Color.FromHex(theme.AxisColor), textColor = Color.FromHex(theme.TextColor);
        foreach (var axis in new[] { (AxisBase)plot.Axes.Left, (AxisBase)plot.Axes.Bottom, (AxisBase)plot.Axes.Right, (AxisBase)plot.Axes.Top })
        {
            bool shown = axis.Edge is Edge.Left or Edge.Bottom;
            axis.FrameLineStyle.Width = shown ? 0.8f : 0;
            axis.FrameLineStyle.Color = axisColor;
            axis.MajorTickStyle.Length = shown ? 3 : 0;
            axis.MajorTickStyle.Width = 0.8f;
            axis.MajorTickStyle.Color = axisColor;
            axis.MinorTickStyle.Length = shown ? 1.8f : 0;
            axis.MinorTickStyle.Width = 0.6f;
            axis.MinorTickStyle.Color = axisColor;
            SetFont(axis.TickLabelStyle, theme.TickSize, textColor);
            SetFont(axis.LabelStyle, theme.LabelSize, textColor);
            axis.LabelStyle.Bold = false;
        }
        plot.Grid.MajorLineColor = Color.FromHex(theme.GridColor);
        plot.Grid.MajorLineWidth = 0.6f;
        plot.Grid.MinorLineWidth = 0;
    }

    private static void ApplyAxis(AxisBase axis, ChartAxis spec)
    {
        var ticks = new NumericManual();
        foreach (var tick in spec.Ticks) ticks.AddMajor(Position(spec, tick.Value), tick.Label);
        foreach (double minor in spec.MinorTicks) ticks.AddMinor(Position(spec, minor));
        axis.TickGenerator = ticks;
        axis.LabelStyle.Text = spec.Title;
    }

    private void AddBars(Plot plot, Figure figure, BarBody body)
    {
        var valueAxis = figure.XAxis;
        double Row(int i) => AxisBuilder.BarPosition(body.RowOf(i));
        // Bars start at the axis origin: 0 on a linear axis, 1 (no change) on a log axis of multiples.
        double basePosition = valueAxis.Scale == AxisScale.Log10 ? Math.Log10(Math.Max(valueAxis.Min, 1)) : 0;
        var bars = new List<Bar>();
        for (int i = 0; i < body.Bars.Count; i++)
        {
            var item = body.Bars[i];
            bars.Add(new Bar
            {
                Position = Row(i), Value = Position(valueAxis, item.Value), ValueBase = basePosition,
                Size = theme.BarThickness, FillColor = BarColor(item.Emphasis), LineWidth = 0, Orientation = Orientation.Horizontal,
            });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;

        var intervals = body.Bars.Select((b, i) => (b, i)).Where(x => x.b is { Low: not null, High: not null }).ToList();
        if (intervals.Count > 0)
        {
            var xs = intervals.Select(x => Position(valueAxis, x.b.Value)).ToList();
            var ys = intervals.Select(x => Row(x.i)).ToList();
            var plus = intervals.Select(x => Position(valueAxis, x.b.High!.Value) - Position(valueAxis, x.b.Value)).ToList();
            var minus = intervals.Select(x => Position(valueAxis, x.b.Value) - Position(valueAxis, x.b.Low!.Value)).ToList();
            var zeros = intervals.Select(_ => 0.0).ToList();
            var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, plus, minus, zeros, zeros)
            {
                LineColor = Color.FromHex(theme.TextColor).WithOpacity(0.7), LineWidth = 0.8f, CapSize = 3,
            };
            plot.Add.Plottable(errors);
            ValueColumn(plot, body, figure);
        }
        else
            for (int i = 0; i < body.Bars.Count; i++)
            {
                var item = body.Bars[i];
                var label = plot.Add.Text(item.ValueLabel, Position(valueAxis, item.Value), Row(i));
                SetFont(label.LabelStyle, theme.ValueLabelSize, Color.FromHex(theme.TextColor));
                label.LabelStyle.Alignment = Alignment.MiddleLeft;
                label.LabelStyle.OffsetX = 3;
            }

        // Group titles: in the plot, at the left edge of their own row, in the strong face.
        foreach (var group in body.GroupList)
        {
            var title = plot.Add.Text(group.Title, Position(valueAxis, valueAxis.Min), AxisBuilder.BarPosition(body.TitleRow(group)));
            SetFont(title.LabelStyle, theme.TickSize, Color.FromHex(theme.TextColor));
            title.LabelStyle.Font = fonts.Strong;
            title.LabelStyle.Alignment = Alignment.MiddleLeft;
            title.LabelStyle.OffsetX = 2;
        }

        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0; // rows need no horizontal lines; the value grid runs vertically
        plot.Axes.Left.MajorTickStyle.Length = 0;
    }

    /// <summary>
    /// Values of bars with intervals go in a column right of the plot (the right axis's labels), where
    /// no interval line can cross them, instead of after each bar.
    /// </summary>
    private void ValueColumn(Plot plot, BarBody body, Figure figure)
    {
        var right = (AxisBase)plot.Axes.Right;
        var ticks = new NumericManual();
        for (int i = 0; i < body.Bars.Count; i++) ticks.AddMajor(AxisBuilder.BarPosition(body.RowOf(i)), body.Bars[i].ValueLabel);
        right.TickGenerator = ticks;
        right.IsVisible = true;
        right.MajorTickStyle.Length = 0;
        right.FrameLineStyle.Width = 0;
        SetFont(right.TickLabelStyle, theme.ValueLabelSize, Color.FromHex(theme.TextColor));
        plot.Axes.SetLimitsY(figure.YAxis.Min, figure.YAxis.Max, plot.Axes.Right);
    }

    private void AddLines(Plot plot, LineBody body, Figure figure)
    {
        foreach (var series in body.Series)
        {
            var xs = series.Points.Select(p => Position(figure.XAxis, p.X)).ToArray();
            var ys = series.Points.Select(p => Position(figure.YAxis, p.Y)).ToArray();
            var scatter = plot.Add.Scatter(xs, ys);
            var color = SeriesColor(series);
            scatter.LineColor = color;
            scatter.LineWidth = series.Style == LineStyleKind.Dashed ? theme.LineWidth * 0.7f : theme.LineWidth;
            scatter.LinePattern = series.Style == LineStyleKind.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            scatter.MarkerSize = series.Markers ? theme.MarkerSize : 0;
            scatter.MarkerShape = series.Markers ? MarkerShape.FilledCircle : MarkerShape.None;
            scatter.MarkerColor = color;
            if (series.Markers) scatter.MarkerStyle.CustomRenderer = new RoundDotMarker();
        }
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0; // time runs left to right; only value gridlines help reading
    }

    public Color SeriesColor(LineSeries series) => Color.FromHex(
        series.Highlight ? theme.KoreaColor
        : series.ColorIndex < 0 ? theme.TrendColor
        : theme.Palette[series.ColorIndex % theme.Palette.Count]);

    private Color BarColor(BarEmphasis emphasis) => Color.FromHex(emphasis switch
    {
        BarEmphasis.Korea => theme.KoreaColor,
        BarEmphasis.Focus => theme.Palette[0],
        _ => theme.BarColor,
    });

    private void SetFont(LabelStyle style, float size, Color color)
    {
        style.Font = fonts.Regular;
        style.FontSize = size;
        style.ForeColor = color;
        style.AntiAliasText = true;
    }
}
