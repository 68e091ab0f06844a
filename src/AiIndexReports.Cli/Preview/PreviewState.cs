using System.Globalization;
using System.Text.Json;
using AiIndexReports.Pipeline;

namespace AiIndexReports.Cli.Preview;

/// <summary>
/// What the browser sees, kept from the watcher's builds: each brief's pages as of its last good build (a failed build
/// keeps them, so the last good pages stay visible behind the error), which pages' pixels changed, the errors of the last
/// build with the offending line, its warnings, and the metrics whose values changed. Every change makes a new immutable
/// snapshot and wakes the browsers waiting on /events. The files it names are the ones the builds reported writing.
/// </summary>
internal sealed class PreviewState(string root) : IWatchObserver
{
    /// <summary>A page file the preview produced: where it is and the SHA-256 of the bytes the build wrote.</summary>
    public sealed record PageFile(string Path, string Sha256);

    /// <summary>A brief's pages as files, by page number (1-based), kept beside the snapshot the browser reads.</summary>
    public sealed record BriefFiles(BriefDto Brief, IReadOnlyList<(PageFile Png, PageFile Map)> Pages);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, BriefFiles> _briefs = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, MetricValue>> _metrics = [];

    /// <summary>A metric's value as compared (the JSON) and as shown (a number or text; for series and tables, their size).</summary>
    private sealed record MetricValue(string Label, string? Raw, string? Shown);
    private PreviewStateDto _state = new(0, 0, Building: true, null, 0, Ok: true, [], [], [], [], []);
    private byte[] _json = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The current state as JSON (made once per version).</summary>
    public (int Version, byte[] Json) Current
    {
        get
        {
            lock (_gate)
            {
                if (_json.Length == 0) _json = JsonSerializer.SerializeToUtf8Bytes(_state, PreviewJson.Default.PreviewStateDto);
                return (_state.Version, _json);
            }
        }
    }

    public int Version
    {
        get { lock (_gate) return _state.Version; }
    }

    /// <summary>Completes when the state moves past <paramref name="version"/> (at once if it already has).</summary>
    public Task ChangedAfter(int version)
    {
        lock (_gate) return _state.Version > version ? Task.CompletedTask : _changed.Task;
    }

    /// <summary>The files of one page of one brief, if the preview produced them.</summary>
    public (PageFile Png, PageFile Map)? Page(int edition, string brief, int number)
    {
        lock (_gate)
            return _briefs.TryGetValue(Key(edition, brief), out var files) && number >= 1 && number <= files.Pages.Count ? files.Pages[number - 1] : null;
    }

    private static string Key(int edition, string brief) => edition.ToString(CultureInfo.InvariantCulture) + "/" + brief;

    public void Building(int number, IReadOnlyList<string> changed)
    {
        lock (_gate) Publish(_state with { Building = true, Changed = changed });
    }

    public void Built(WatchRun run)
    {
        var errors = run.Errors.Where(d => d.Severity == Severity.Error).Select(d => Error(null, d)).ToList();
        var warnings = new List<string>();
        var metricChanges = new List<MetricChangeDto>();
        var results = run.Outcome?.Results ?? [];
        foreach (var d in run.Outcome?.Warnings ?? []) warnings.Add(d.ToString());
        foreach (var r in results)
        {
            errors.AddRange(r.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => Error(r.Job.Name, d)));
            warnings.AddRange(r.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.ToString()));
        }
        // Metrics come from the edition's metrics.json the build just wrote (outside the lock: a file read).
        var editions = results.Where(r => r.Status == BriefBuildStatus.Built).Select(r => r.Job.Edition).Distinct().ToList();
        var metrics = editions.ToDictionary(e => e, ReadMetrics);

        lock (_gate)
        {
            foreach (var r in results) Update(r);
            foreach (var (edition, now) in metrics)
            {
                if (now is null) continue;
                if (_metrics.TryGetValue(edition, out var before))
                    foreach (var (id, value) in now.OrderBy(m => m.Key, StringComparer.Ordinal))
                    {
                        var old = before.GetValueOrDefault(id);
                        if (old?.Raw == value.Raw) continue;
                        // A table or series of the same size: say that its content changed.
                        var shown = old?.Shown == value.Shown ? value.Shown + " (내용 바뀜)" : value.Shown;
                        metricChanges.Add(new MetricChangeDto(edition, id, value.Label, old?.Shown, shown));
                    }
                _metrics[edition] = now;
            }
            var briefs = _briefs.Values.Select(b => b.Brief).OrderBy(b => b.Edition).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
            Publish(_state with
            {
                Build = run.Number,
                Building = false,
                BuiltAt = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ElapsedMs = (long)(run.Outcome?.Elapsed.TotalMilliseconds ?? 0),
                Ok = errors.Count == 0,
                Changed = run.Changed,
                Errors = errors,
                Warnings = warnings.Distinct().ToList(),
                MetricChanges = metricChanges,
                Briefs = briefs,
            });
        }
    }

    /// <summary>A brief's entry after its build: new pages (marked where the bytes differ), or the last good ones.</summary>
    private void Update(BriefBuildResult r)
    {
        var key = Key(r.Job.Edition, r.Job.Brief.Id);
        _briefs.TryGetValue(key, out var before);
        var status = r.Status.ToString().ToLowerInvariant();
        if (r.Status != BriefBuildStatus.Built || r.Outputs is null)
        {
            // Skipped (nothing changed) or failed (the last good pages stay): the same pages, none changed now.
            var pages = before?.Brief.Pages.Select(p => p with { Changed = false }).ToList() ?? [];
            _briefs[key] = new BriefFiles(
                (before?.Brief ?? new BriefDto(key, r.Job.Edition, r.Job.Brief.Id, Title(r.Job), status, [])) with { Status = status, Pages = pages },
                before?.Pages ?? []);
            return;
        }
        var folder = "output/" + BriefBuilder.PreviewFolder(r.Job) + "/";
        var written = r.Outputs.Where(o => o.Path.StartsWith(folder, StringComparison.Ordinal))
            .ToDictionary(o => o.Path[folder.Length..], o => new PageFile(Path.Combine(Root, o.Path), o.Sha256), StringComparer.Ordinal);
        var files = new List<(PageFile, PageFile)>();
        var dtos = new List<PageDto>();
        for (var n = 1; n <= r.Pages; n++)
        {
            var name = n.ToString("00", CultureInfo.InvariantCulture);
            if (!written.TryGetValue($"page-{name}.png", out var png) || !written.TryGetValue($"page-{name}.json", out var map)) break;
            // Changed since the brief's last build shown (the first build has nothing to compare with: nothing is marked).
            var changed = before is { Pages.Count: > 0 } && (n > before.Pages.Count || before.Pages[n - 1].Png.Sha256 != png.Sha256);
            files.Add((png, map));
            var url = $"{r.Job.Edition.ToString(CultureInfo.InvariantCulture)}/{r.Job.Brief.Id}/{n.ToString(CultureInfo.InvariantCulture)}";
            var (width, height) = PngSize(png.Path);
            dtos.Add(new PageDto(n, Math.Round(width * 72 / PreviewServer.Dpi, 1), Math.Round(height * 72 / PreviewServer.Dpi, 1),
                $"/pages/{url}/{png.Sha256[..16]}.png", $"/maps/{url}/{map.Sha256[..16]}.json", changed));
        }
        _briefs[key] = new BriefFiles(new BriefDto(key, r.Job.Edition, r.Job.Brief.Id, Title(r.Job), status, dtos), files);
    }

    /// <summary>Width and height in pixels from a PNG's header (IHDR), or A4 at the preview's resolution if it cannot be read.</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        try
        {
            Span<byte> header = stackalloc byte[24];
            using var file = File.OpenRead(path);
            file.ReadExactly(header);
            return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[16..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[20..]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ((int)(595.28 * PreviewServer.Dpi / 72), (int)(841.89 * PreviewServer.Dpi / 72));
        }
    }

    private static string Title(BuildJob job) => job.Brief.Fill(job.Brief.Title, job.Edition);

    private PreviewErrorDto Error(string? brief, Diagnostic d)
    {
        var (message, excerpt) = ErrorExcerpt.Of(Root, d);
        var at = d.Location;
        return new PreviewErrorDto(brief, at?.File, at?.Line ?? 0, at?.Column ?? 0, at?.ToString() ?? "", message, excerpt);
    }

    /// <summary>id → value from output/&lt;edition&gt;/metrics.json (what the build just wrote), or null when it cannot be read.</summary>
    private Dictionary<string, MetricValue>? ReadMetrics(int edition)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "output", edition.ToString(CultureInfo.InvariantCulture), "metrics.json")));
            var result = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
            foreach (var m in json.RootElement.GetProperty("metrics").EnumerateArray())
            {
                var label = m.GetProperty("label").GetString() ?? "";
                var value = m.TryGetProperty("value", out var v) ? new MetricValue(label, v.GetRawText(), v.GetRawText())
                    : m.TryGetProperty("text", out var t) ? new MetricValue(label, t.GetString(), t.GetString())
                    : m.TryGetProperty("series", out var s) ? new MetricValue(label, s.GetRawText(), $"계열 {s.GetArrayLength().ToString(CultureInfo.InvariantCulture)}개 점")
                    : m.TryGetProperty("rows", out var rows) ? new MetricValue(label, rows.GetRawText(), $"표 {rows.GetArrayLength().ToString(CultureInfo.InvariantCulture)}행")
                    : new MetricValue(label, null, null);
                result[m.GetProperty("id").GetString()!] = value;
            }
            return result;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Publish(PreviewStateDto state)
    {
        _state = state with { Version = _state.Version + 1 };
        _json = [];
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }
}
