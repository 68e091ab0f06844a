using System.Text;
using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

/// <summary>
/// A throw-away repository holding the minimal valid edition from TestData/Data (data/2025/edition.toml,
/// data/shared/epoch/notable_models.csv, data/shared/aiindex/indicators.csv), for one test to break one thing in.
/// </summary>
internal sealed class TempRepo : IDisposable
{
    public const string NotablePath = "data/shared/epoch/notable_models.csv";
    public const string IndicatorsPath = "data/shared/aiindex/indicators.csv";
    public const string EditionPath = "data/2025/edition.toml";

    private static readonly string Fixtures = Path.Combine(TestRepo.Root, "tests", "AiIndexReports.Tests", "TestData", "Data");

    public string Root { get; } = Directory.CreateTempSubdirectory("aiindex-data-").FullName;

    public TempRepo()
    {
        Write(EditionPath, Fixture("edition.toml"));
        Write(NotablePath, Fixture("notable_models.csv"));
        Write(IndicatorsPath, Fixture("indicators.csv"));
        // Every repository has the indicator catalog; the fixture uses the real one.
        Write("data/indicators.toml", File.ReadAllText(Path.Combine(TestRepo.Root, "data", "indicators.toml"), Encoding.UTF8));
    }

    /// <summary>The fixture's text (UTF-8, LF line ends).</summary>
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name), Encoding.UTF8);

    public void Write(string repoPath, string text) => Write(repoPath, new UTF8Encoding(false).GetBytes(text));

    public void Write(string repoPath, byte[] bytes)
    {
        var full = Path.Combine(Root, repoPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>Replaces text in a file of this repository; fails the test when the text is absent (a stale fixture).</summary>
    public void Replace(string repoPath, string oldText, string newText)
    {
        var full = Path.Combine(Root, repoPath);
        var text = File.ReadAllText(full, Encoding.UTF8);
        Assert.Contains(oldText, text);
        File.WriteAllText(full, text.Replace(oldText, newText), new UTF8Encoding(false));
    }

    public Dataset Load() => new DatasetLoader().Load(Root, 2025);

    /// <summary>Loads, expecting failure; returns the errors only.</summary>
    public IReadOnlyList<Diagnostic> LoadErrors()
    {
        var failure = Assert.Throws<BuildFailedException>(() => new DatasetLoader().Load(Root, 2025));
        return [.. failure.Diagnostics.Where(d => d.Severity == Severity.Error)];
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
