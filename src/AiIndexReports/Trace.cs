using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace AiIndexReports;

/// <summary>
/// Where a run's time goes, thread by thread: with <c>AIINDEX_TRACE=FILE</c> set, every <see cref="Span"/> (and the time
/// before <c>Main</c>, the runtime's own start) is written to FILE as Chrome trace events when the run ends — open it in
/// Perfetto or chrome://tracing. Unset, a span costs one static test.
/// </summary>
public static class Trace
{
    private static readonly string? File = Environment.GetEnvironmentVariable("AIINDEX_TRACE") is { Length: > 0 } f ? f : null;
    private static readonly ConcurrentQueue<(string Name, int Thread, long Start, long End, long Allocated)> Spans = new();
    private static readonly long Origin = Stopwatch.GetTimestamp();

    public static bool Enabled => File is not null;

    /// <summary>Times a piece of work until the returned value is disposed: <c>using var _ = Trace.Span("load");</c></summary>
    public static SpanScope Span(string name) => File is null ? default
        : new(name, Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Records a span measured elsewhere (Stopwatch timestamps), e.g. the typesetter's phases.</summary>
    public static void Add(string name, long startTimestamp, long endTimestamp, long allocatedBytes = -1)
    {
        if (File is not null) Spans.Enqueue((name, Environment.CurrentManagedThreadId, startTimestamp, endTimestamp, allocatedBytes));
    }

    /// <summary>A span being timed, with the bytes its thread allocates meanwhile.</summary>
    public readonly struct SpanScope(string? name, long start, long allocated) : IDisposable
    {
        public void Dispose()
        {
            if (name is not null) Add(name, start, Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
    }

    /// <summary>Writes the trace file (when asked for); times are microseconds since the process started.</summary>
    public static void Flush()
    {
        if (File is null) return;
        // The process started before the first managed code ran: show that part as its own span.
        var beforeMain = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMicroseconds
                         - Stopwatch.GetElapsedTime(Origin).TotalMicroseconds;
        double Micros(long timestamp) => beforeMain + Stopwatch.GetElapsedTime(Origin, timestamp).TotalMicroseconds;

        using var stream = System.IO.File.Create(File);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");
        Event(json, "process start (runtime, before Main)", 0, 0, beforeMain, -1);
        foreach (var span in Spans.OrderBy(s => s.Start))
            Event(json, span.Name, span.Thread, Micros(span.Start), Micros(span.End) - Micros(span.Start), span.Allocated);
        json.WriteEndArray();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartObject("otherData");
        json.WriteNumber("allocated_bytes", GC.GetTotalAllocatedBytes());
        json.WriteNumber("gc_count", GC.CollectionCount(0));
        json.WriteNumber("gc_gen2_count", GC.CollectionCount(2));
        json.WriteNumber("gc_pause_ms", GC.GetTotalPauseDuration().TotalMilliseconds);
        // Still "NoGCRegion" at the end: the run never collected after its start (the CLI's RunHeap).
        json.WriteString("gc_latency_mode", System.Runtime.GCSettings.LatencyMode.ToString());
        if (HugePagesKb() is { } hugePages) json.WriteNumber("anon_huge_pages_kb", hugePages);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The process's anonymous memory in transparent huge pages (Linux), or null where the kernel does not say.</summary>
    private static long? HugePagesKb()
    {
        try
        {
            var line = System.IO.File.ReadLines("/proc/self/smaps_rollup").FirstOrDefault(l => l.StartsWith("AnonHugePages:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static void Event(Utf8JsonWriter json, string name, int thread, double start, double duration, long allocated)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "X");
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", thread);
        json.WriteNumber("ts", Math.Round(start, 1));
        json.WriteNumber("dur", Math.Round(Math.Max(0, duration), 1));
        if (allocated >= 0)
        {
            json.WriteStartObject("args");
            json.WriteNumber("allocated_kb", allocated / 1024);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
