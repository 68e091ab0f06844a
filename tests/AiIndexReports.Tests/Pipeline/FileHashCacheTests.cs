using System.Security.Cryptography;
using System.Text;
using AiIndexReports.Config;
using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>The remembered input hashes may save work but never tell an old hash for a changed file.</summary>
public sealed class FileHashCacheTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);
    private readonly TestRepo.TempDir _dir = TestRepo.Temp();

    public void Dispose() => _dir.Dispose();

    private string Output => Path.Combine(_dir.Path, "output");

    private CheckedFile Input(string name) =>
        new InputRoot(_dir.Path, "repo").Resolve(name, 1 << 20).File ?? throw new InvalidOperationException(name);

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_same_size_edit_with_its_old_modification_time_restored_is_hashed_again()
    {
        var path = _dir.Write("table.csv", "a,b\n1,2\n");
        Thread.Sleep(Window * 3);   // older than the racy window: remembered
        var first = new FileHashCache(Output, Window);
        Assert.Equal(Sha("a,b\n1,2\n"), first.Hash(Input("table.csv")));
        first.Save(new List<Diagnostic>());
        Assert.Contains("table.csv", File.ReadAllText(Path.Combine(Output, ".cache", "file-hashes.json")));

        var modified = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, "a,b\n9,2\n");   // same size
        File.SetLastWriteTimeUtc(path, modified);  // as an unpacker or a careless copy would leave it
        Thread.Sleep(Window * 3);

        Assert.Equal(Sha("a,b\n9,2\n"), new FileHashCache(Output, Window).Hash(Input("table.csv")));
    }

    [Fact]
    public void An_entry_remembered_within_the_racy_window_of_its_file_is_not_trusted()
    {
        var path = _dir.Write("t.sbn", "new text");
        Thread.Sleep(Window * 3);
        var info = FileStatus.Of(path);
        // Remembered 10 ms after the file's last change, with the hash of what it held then.
        var recorded = Math.Max(info.LastWriteUtc.Ticks, info.ChangeTicks) + TimeSpan.TicksPerMillisecond * 10;
        Directory.CreateDirectory(Path.Combine(Output, ".cache"));
        File.WriteAllText(Path.Combine(Output, ".cache", "file-hashes.json"),
            $$$"""{"{{{InputRoot.RealPath(path).Path}}}":{"Bytes":8,"WriteTicks":{{{info.LastWriteUtc.Ticks}}},"ChangeTicks":{{{info.ChangeTicks}}},"RecordedTicks":{{{recorded}}},"Sha256":"{{{Sha("old text")}}}"}}""");

        var cache = new FileHashCache(Output, Window);

        Assert.Empty(cache.Warnings);
        Assert.Equal(Sha("new text"), cache.Hash(Input("t.sbn")));
    }

    [Theory]
    [InlineData("""{"X":null}""", "an entry is damaged")]
    [InlineData("""{"X":{"Bytes":"eight"},"Y":[1]}""", "2 entries are damaged")]
    [InlineData("""{"X":{"Bytes":8,"WriteTicks":1,"Sha256":"12""", "it is not valid JSON: cut short or edited? (line 1)")]
    [InlineData("null", "it holds null, not a JSON object")]
    [InlineData("[]", "it holds array, not a JSON object")]
    public void A_damaged_cache_is_a_warning_and_the_hashes_are_right(string json, string problem)
    {
        _dir.Write("t.sbn", "text");
        Directory.CreateDirectory(Path.Combine(Output, ".cache"));
        var file = Path.Combine(Output, ".cache", "file-hashes.json");
        File.WriteAllText(file, json);

        var cache = new FileHashCache(Output, Window);

        Assert.Equal([$"output/.cache/file-hashes.json: warning: the build cache file is unusable ({problem}): ignored and rewritten"],
            cache.Warnings.Select(w => w.ToString()));
        Assert.Equal(Sha("text"), cache.Hash(Input("t.sbn")));
        cache.Save(new List<Diagnostic>());
        Assert.StartsWith("{", File.ReadAllText(file));   // rewritten whole
        Assert.Empty(new FileHashCache(Output, Window).Warnings);
    }

    [Fact]
    public void A_folder_or_a_pipe_in_place_of_the_cache_is_a_warning_and_is_replaced()
    {
        _dir.Write("t.sbn", "text");
        var file = Path.Combine(Output, ".cache", "file-hashes.json");
        Directory.CreateDirectory(file);

        var cache = new FileHashCache(Output, Window);
        Assert.Equal(["output/.cache/file-hashes.json: warning: the build cache file is unusable (it is a folder, not a file): ignored and rewritten"],
            cache.Warnings.Select(w => w.ToString()));
        var saving = new List<Diagnostic>();
        cache.Save(saving);
        Assert.Empty(saving);
        Assert.True(File.Exists(file));
    }
}
