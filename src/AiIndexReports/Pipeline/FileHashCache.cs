using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiIndexReports.Config;

namespace AiIndexReports.Pipeline;

/// <summary>
/// SHA-256 of input files, remembered across runs in output/.cache/file-hashes.json and keyed by real path, size,
/// modification time and status-change time (ctime), as make, ccache and git's index do, so an unchanged 17 MB font
/// folder is not re-hashed on every build. The shortcut is only taken when it cannot lie: a restored modification time
/// still moves the ctime, and a file changed within a few seconds of being remembered (less than the file system's
/// time resolution may tell apart) is hashed again. An entry that is damaged is ignored (with one warning) and rewritten.
/// </summary>
public sealed partial class FileHashCache
{
    /// <summary>How long after its last change a file's size and times are trusted to tell a later change.</summary>
    public static readonly TimeSpan DefaultRacyWindow = TimeSpan.FromSeconds(3);

    private readonly TimeSpan _racyWindow;
    private const string Display = "output/.cache/file-hashes.json";
    private readonly string _file;
    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly List<Diagnostic> _warnings = [];
    private bool _changed;

    internal sealed record Entry(long Bytes, long WriteTicks, long ChangeTicks, long RecordedTicks, string Sha256);

    /// <summary>Source-generated (Native AOT: reflection-based JSON would be trimmed to <c>{}</c>).</summary>
    [JsonSerializable(typeof(Entry))]
    [JsonSerializable(typeof(SortedDictionary<string, Entry>))]
    internal sealed partial class HashesJson : JsonSerializerContext;

    /// <param name="racyWindow">tests shorten it; <see cref="DefaultRacyWindow"/> otherwise</param>
    public FileHashCache(string outputRoot, TimeSpan? racyWindow = null)
    {
        _racyWindow = racyWindow ?? DefaultRacyWindow;
        _file = Path.Combine(outputRoot, ".cache", "file-hashes.json");
        _entries = new(Read(), StringComparer.Ordinal);
    }

    /// <summary>What reading the cache noticed (a damaged file or entries), for the run's warnings.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>SHA-256 (lowercase hex) of a checked input file.</summary>
    public string Hash(CheckedFile file)
    {
        var status = FileStatus.Of(file.RealPath);
        var write = status.LastWriteUtc.Ticks;
        if (_entries.TryGetValue(file.RealPath, out var known) && known.Bytes == status.Length && known.WriteTicks == write
            && known.ChangeTicks == status.ChangeTicks && known.RecordedTicks - Math.Max(write, status.ChangeTicks) > _racyWindow.Ticks)
            return known.Sha256;
        var hash = InputRoot.Sha256(file);
        var now = DateTime.UtcNow.Ticks;
        if (now - Math.Max(write, status.ChangeTicks) > _racyWindow.Ticks)
        {
            _entries[file.RealPath] = new Entry(status.Length, write, status.ChangeTicks, now, hash);
            _changed = true;
        }
        return hash;
    }

    /// <summary>Writes the remembered hashes back (atomically) if any were added; a failure is a warning.</summary>
    public void Save(ICollection<Diagnostic> warnings)
    {
        if (!_changed) return;
        var sorted = new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal);
        CacheFile.Write(_file, JsonSerializer.SerializeToUtf8Bytes(sorted, HashesJson.Default.SortedDictionaryStringEntry), Display, warnings);
        _changed = false;
    }

    /// <summary>The entries that are whole and well-formed; anything else is left out with one warning.</summary>
    private Dictionary<string, Entry> Read()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (CacheFile.Read(_file, Display, _warnings) is not { } root)
        {
            _changed = _warnings.Count > 0;   // an unusable file is replaced at the end of the run
            return entries;
        }
        var bad = 0;
        foreach (var property in root.EnumerateObject())
        {
            try
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.Deserialize(HashesJson.Default.Entry) is { } e
                    && e.Sha256 is { Length: 64 } && e.Sha256.All(char.IsAsciiHexDigitLower))
                {
                    entries[property.Name] = e;
                    continue;
                }
            }
            catch (JsonException) { }
            bad++;
        }
        if (bad > 0)
        {
            CacheFile.Warn(Display, bad == 1 ? "an entry is damaged" : $"{bad} entries are damaged", _warnings);
            _changed = true;   // rewritten without them
        }
        return entries;
    }
}
