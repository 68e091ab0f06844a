using System.Text.Json;
using System.Text.Json.Serialization;
using AiIndexReports.Config;

namespace AiIndexReports.Pipeline;

/// <summary>
/// output/.cache/&lt;edition&gt;-&lt;brief&gt;.json: the input fingerprint of a brief's last good build and the SHA-256 of every
/// file that build is responsible for — the PDF, the edition's figures and metrics.json, the page previews and the
/// layout dump when they were asked for. A brief is up to date only when its fingerprint is unchanged and every one of
/// those files is still there with the bytes that build wrote: a deleted figure or an edited PDF is rebuilt.
/// </summary>
public sealed partial class BuildCache(string outputRoot)
{
    internal sealed record Entry(string Fingerprint, SortedDictionary<string, string> Outputs);

    /// <summary>Source-generated (Native AOT: reflection-based JSON would be trimmed to <c>{}</c>).</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Entry))]
    internal sealed partial class CacheJson : JsonSerializerContext;

    private string PathOf(string job) => Path.Combine(outputRoot, ".cache", job.Replace('/', '-') + ".json");

    private static string Display(string job) => "output/.cache/" + job.Replace('/', '-') + ".json";

    /// <param name="warnings">gets a warning when the cache entry exists but cannot be used</param>
    public bool IsUpToDate(string job, string fingerprint, ICollection<Diagnostic> warnings) => UpToDateOutputs(job, fingerprint, warnings) is not null;

    /// <summary>The recorded outputs (path relative to output/, SHA-256) when <see cref="IsUpToDate"/>, else null.</summary>
    public IReadOnlyList<(string Path, string Sha256)>? UpToDateOutputs(string job, string fingerprint, ICollection<Diagnostic> warnings)
    {
        if (CacheFile.Read(PathOf(job), Display(job), warnings) is not { } entry) return null;
        if (!entry.TryGetProperty("fingerprint", out var recorded) || !entry.TryGetProperty("outputs", out var outputs)
            || recorded.ValueKind != JsonValueKind.String || outputs.ValueKind != JsonValueKind.Object)
        {
            // An entry of an older version of the tool (no outputs recorded) is simply not trusted; another shape is damage.
            if (!entry.TryGetProperty("PdfSha256", out _)) CacheFile.Warn(Display(job), "not a cache entry of this tool", warnings);
            return null;
        }
        if (recorded.GetString() != fingerprint) return null;

        var files = new List<(string, string)>();
        foreach (var output in outputs.EnumerateObject())
        {
            if (output.Value.ValueKind != JsonValueKind.String || Sha256Of(output.Name) is not { } actual || actual != output.Value.GetString())
                return null;
            files.Add((output.Name, actual));
        }
        return files.Count > 0 ? files : null;
    }

    /// <summary>SHA-256 of an output file (path relative to output/), or null when it is missing, not a file or outside output/.</summary>
    private string? Sha256Of(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(outputRoot, relative));
        if (!full.StartsWith(Path.GetFullPath(outputRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        var status = FileStatus.Of(full);
        if (!status.IsRegularFile) return null;
        try
        {
            using var stream = File.OpenRead(full);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records a good build: its fingerprint and the SHA-256 of each output file (paths relative to output/).</summary>
    public void Record(string job, string fingerprint, IEnumerable<(string Path, string Sha256)> outputs, ICollection<Diagnostic> warnings)
    {
        var entry = new Entry(fingerprint,
            new SortedDictionary<string, string>(outputs.ToDictionary(o => o.Path.Replace('\\', '/'), o => o.Sha256), StringComparer.Ordinal));
        CacheFile.Write(PathOf(job), JsonSerializer.SerializeToUtf8Bytes(entry, CacheJson.Default.Entry), Display(job), warnings);
    }
}
