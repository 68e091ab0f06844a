using System.Text.Json;

namespace AiIndexReports.Pipeline;

/// <summary>
/// output/.cache/&lt;job&gt;.json: the input fingerprint and PDF hash of a brief's last good build. A brief is up to date
/// when its fingerprint is unchanged and its PDF is still the one that build wrote.
/// </summary>
public sealed class BuildCache(string outputRoot)
{
    private sealed record Entry(string Fingerprint, string PdfSha256);

    private string PathOf(string job) => Path.Combine(outputRoot, ".cache", job.Replace('/', '-') + ".json");

    public bool IsUpToDate(string job, string fingerprint, string pdfRelative)
    {
        var file = PathOf(job);
        var pdf = Path.Combine(outputRoot, pdfRelative);
        if (!File.Exists(file) || !File.Exists(pdf)) return false;
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file));
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
        writer.Add(Path.GetRelativePath(outputRoot, PathOf(job)), JsonSerializer.SerializeToUtf8Bytes(new Entry(fingerprint, InputFingerprint.Sha256(pdf))));
        writer.Commit();
    }
}
