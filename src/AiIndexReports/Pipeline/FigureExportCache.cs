using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiIndexReports.Pipeline;

/// <summary>
/// output/.cache/&lt;edition&gt;-figures.json: the input fingerprint of an edition's figure exports (PNG, SVG) and the
/// SHA-256 of each file written. The exports are up to date when the fingerprint is unchanged and every file is still
/// the one written (hashes remembered by <see cref="FileHashCache"/>, so an unchanged file is not read again).
/// </summary>
public sealed partial class FigureExportCache(string outputRoot)
{
    internal sealed record Entry(string Fingerprint, SortedDictionary<string, string> Files);

    /// <summary>Source-generated (Native AOT: reflection-based JSON would be trimmed to <c>{}</c>).</summary>
    [JsonSerializable(typeof(Entry))]
    internal sealed partial class FiguresJson : JsonSerializerContext;

    private string PathOf(int edition) => Path.Combine(outputRoot, ".cache", $"{edition}-figures.json");

    public bool IsUpToDate(int edition, string fingerprint, FileHashCache hashes)
    {
        var file = PathOf(edition);
        if (!File.Exists(file)) return false;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(file), FiguresJson.Default.Entry);
            if (entry is null || entry.Fingerprint != fingerprint || entry.Files.Count == 0) return false;
            foreach (var (path, sha256) in entry.Files)
            {
                var info = new FileInfo(Path.Combine(outputRoot, path));
                if (!info.Exists || hashes.Hash(info.FullName, info) != sha256) return false;
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;   // a damaged or unreadable cache only costs rendering the figures again
        }
    }

    /// <summary>Remembers the files just written (paths relative to output/).</summary>
    public void Record(int edition, string fingerprint, IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var entry = new Entry(fingerprint, new(files.ToDictionary(f => f.Path, f => InputFingerprint.Sha256(f.Bytes)), StringComparer.Ordinal));
        var writer = new OutputWriter(outputRoot);
        writer.Add(Path.GetRelativePath(outputRoot, PathOf(edition)), JsonSerializer.SerializeToUtf8Bytes(entry, FiguresJson.Default.Entry));
        writer.Commit();
    }
}
