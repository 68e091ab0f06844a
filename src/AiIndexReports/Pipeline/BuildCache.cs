using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiIndexReports.Pipeline;

/// <summary>
/// output/.cache/&lt;job&gt;.json: the input fingerprint and PDF hash of a brief's last good build. A brief is up to date
/// when its fingerprint is unchanged and its PDF is still the one that build wrote.
/// </summary>
public sealed partial class BuildCache(string outputRoot)
{
    internal sealed record Entry(string Fingerprint, string PdfSha256);

    /// <summary>Source-generated (Native AOT: reflection-based JSON would be trimmed to <c>{}</c>).</summary>
    [JsonSerializable(typeof(Entry))]
    internal sealed partial class CacheJson : JsonSerializerContext;

    private string PathOf(string job) => Path.Combine(outputRoot, ".cache", job.Replace('/', '-') + ".json");

    public bool IsUpToDate(string job, string fingerprint, string pdfRelative)
    {
        var file = PathOf(job);
        var pdf = Path.Combine(outputRoot, pdfRelative);
        if (!File.Exists(file) || !File.Exists(pdf)) return false;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllText(file), CacheJson.Default.Entry);
            return entry is not null && entry.Fingerprint == fingerprint && entry.PdfSha256 == InputFingerprint.Sha256(File.ReadAllBytes(pdf));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Record(string job, string fingerprint, string pdfRelative, byte[] pdf)
    {
        var writer = new OutputWriter(outputRoot);
        writer.Add(Path.GetRelativePath(outputRoot, PathOf(job)), JsonSerializer.SerializeToUtf8Bytes(new Entry(fingerprint, InputFingerprint.Sha256(pdf)), CacheJson.Default.Entry));
        writer.Commit();
    }
}
