using System.Collections.Concurrent;
using System.Text.Json;

namespace AiIndexReports.Pipeline;

/// <summary>
/// SHA-256 of input files, remembered across runs in output/.cache/file-hashes.json and keyed by path, size and
/// write time (as make, ccache and git's index do), so an unchanged 17 MB font folder is not re-hashed on every build.
/// A file written in the last few seconds is hashed but not remembered: a same-size edit within the file system's
/// time resolution could otherwise keep a stale hash.
/// </summary>
public sealed class FileHashCache
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(3);
    private readonly string _file;
    private readonly ConcurrentDictionary<string, Entry> _entries;
    private bool _changed;

    private sealed record Entry(long Bytes, long WriteTicks, string Sha256);

    public FileHashCache(string outputRoot)
    {
        _file = Path.Combine(outputRoot, ".cache", "file-hashes.json");
        _entries = new(Read(_file), StringComparer.Ordinal);
    }

    /// <summary>SHA-256 (lowercase hex) of the file at <paramref name="fullPath"/>.</summary>
    public string Hash(string fullPath, FileInfo info)
    {
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(fullPath, out var known) && known.Bytes == info.Length && known.WriteTicks == ticks)
            return known.Sha256;
        var hash = InputFingerprint.Sha256(File.ReadAllBytes(fullPath));
        if (DateTime.UtcNow - info.LastWriteTimeUtc > RacyWindow)
        {
            _entries[fullPath] = new Entry(info.Length, ticks, hash);
            _changed = true;
        }
        return hash;
    }

    /// <summary>Writes the remembered hashes back (atomically) if any were added.</summary>
    public void Save()
    {
        if (!_changed) return;
        var writer = new OutputWriter(Path.GetDirectoryName(Path.GetDirectoryName(_file))!);
        var sorted = new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal);
        writer.Add(Path.Combine(".cache", "file-hashes.json"), JsonSerializer.SerializeToUtf8Bytes(sorted));
        writer.Commit();
        _changed = false;
    }

    private static Dictionary<string, Entry> Read(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllBytes(file)) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];   // a damaged cache only costs a re-hash
        }
    }
}
