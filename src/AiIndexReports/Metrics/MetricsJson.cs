using AiIndexReports.Config;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiIndexReports.Metrics;

/// <summary>
/// Writes metrics.json: every metric of an edition, sorted by id, so CI can diff numbers between commits and editions.
/// Deterministic by construction: ordinal id order, invariant culture, numbers rounded to 10 significant digits (so a
/// last-bit difference in Math.Pow between machines does not show up as a change), row cells in their defined order.
/// </summary>
public static class MetricsJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Korean labels stay readable in diffs; the file is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(MetricSet metrics) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(metrics));

    /// <summary>The file's bytes (UTF-8), without the round trip through a string.</summary>
    public static byte[] SerializeToUtf8Bytes(MetricSet metrics)
    {
        using var stream = new MemoryStream(1 << 20);
        Write(metrics, stream);
        return stream.ToArray();
    }

    public static void Write(MetricSet metrics, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        w.WriteNumber("edition", metrics.Edition);
        w.WriteNumber("measured_year", metrics.MeasuredYear);
        w.WriteStartArray("metrics");
        foreach (var m in metrics.All) WriteMetric(w, m);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes atomically (<see cref="AtomicFile"/>): a failed write never leaves half a file.</summary>
    public static void WriteFile(MetricSet metrics, string path)
    {
        using var buffer = new MemoryStream();
        Write(metrics, buffer);
        AtomicFile.Write(Path.GetFullPath(path), buffer.ToArray());
    }

    private static void WriteMetric(Utf8JsonWriter w, Metric m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("label", m.Label);
        w.WriteString("unit", m.Unit);
        w.WriteBoolean("available", m.Available);
        if (!m.Available)
        {
            w.WriteString("reason", m.UnavailableReason);
            w.WriteString("reason_ko", m.UnavailableReasonKo);
        }
        if (m.Number is { } number) { w.WritePropertyName("value"); WriteNumber(w, number); }
        if (m.Text is { } text) w.WriteString("text", text);
        if (m.Series is { } series)
        {
            w.WriteStartArray("series");
            foreach (var p in series)
            {
                w.WriteStartObject();
                w.WritePropertyName("x"); WriteNumber(w, p.X);
                w.WriteString("label", p.Label);
                w.WritePropertyName("value"); WriteNumber(w, p.Value);
                if (p.Note is not null) w.WriteString("note", p.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (m.Rows is { } rows)
        {
            w.WriteStartArray("rows");
            foreach (var row in rows)
            {
                w.WriteStartObject();
                foreach (var (key, value) in row) { w.WritePropertyName(key); WriteCell(w, value); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (m.Period is not null) w.WriteString("period", m.Period);
        if (m.Interval is { } interval)
        {
            w.WriteStartObject("interval");
            w.WritePropertyName("low"); WriteNumber(w, interval.Low);
            w.WritePropertyName("high"); WriteNumber(w, interval.High);
            w.WritePropertyName("level"); WriteNumber(w, interval.Level);
            if (interval.Basis is not null) w.WriteString("basis", interval.Basis);
            w.WriteEndObject();
        }
        if (m.Released is { } released) w.WriteString("released", released.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (m.Credits.Count > 0)
        {
            w.WriteStartArray("credits");
            foreach (var credit in m.Credits) w.WriteStringValue(credit);
            w.WriteEndArray();
        }
        w.WriteString("formula", m.Formula);
        w.WriteStartArray("sources");
        // "file:line": the row is the unit of provenance; several columns of one row collapse into one entry.
        foreach (var s in m.Sources.Select(s => s with { Column = 0 }).Distinct()) w.WriteStringValue(s.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: WriteNumber(w, d); break;
            case IFormattable f: w.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, double value)
    {
        if (!double.IsFinite(value)) { w.WriteNullValue(); return; } // MetricFactory never lets one through; JSON has no NaN
        var rounded = double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        w.WriteNumberValue(rounded);
    }
}
