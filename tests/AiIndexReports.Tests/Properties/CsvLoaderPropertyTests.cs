using AiIndexReports.Data;
using AiIndexReports.Tests.Data;
using CsCheck;

namespace AiIndexReports.Tests.Properties;

/// <summary>
/// The Load stage on arbitrary bytes: whatever a CSV file holds, loading either succeeds or fails with diagnostics that
/// name the broken file — never another exception, never a hang.
/// </summary>
public sealed class CsvLoaderPropertyTests : IDisposable
{
    // One repository per test, rewritten by every sample: samples run one at a time. CsCheck draws a new seed each run,
    // so CI keeps exploring; 250 per run keeps `dotnet test` near its 60 s budget (500 took 14 s of it).
    private const int Iterations = 250;

    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    /// <summary>Loads the repository; null when it loaded, else the errors (any other exception fails the test).</summary>
    private IReadOnlyList<Diagnostic>? LoadErrors(string what) => HangGuard.Run(() =>
    {
        try
        {
            new DatasetLoader().Load(_repo.Root, 2025);
            return null;
        }
        catch (BuildFailedException e)
        {
            return (IReadOnlyList<Diagnostic>)e.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        }
    }, what);

    private void AssertLoadsOrNamesTheFile(string path, byte[] bytes)
    {
        _repo.Write(path, bytes);
        var errors = LoadErrors($"{bytes.Length} bytes in {path}");
        if (errors is null) return;
        Assert.NotEmpty(errors);
        // A broken edition.toml may surface as an error in the table it names ("declared in data/2025/edition.toml:8:1").
        Assert.Contains(errors, e => e.Location?.File == path || e.Message.Contains(path, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Random_bytes_as_a_csv_load_or_fail_with_errors_naming_the_file()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes => AssertLoadsOrNamesTheFile(TempRepo.NotablePath, bytes), iter: Iterations, threads: 1);
    }

    [Fact]
    public void Random_bytes_after_a_valid_header_load_or_fail_with_errors_naming_the_file()
    {
        var header = System.Text.Encoding.UTF8.GetBytes(TempRepo.Fixture("indicators.csv").Split('\n')[0] + "\n");
        // Mostly CSV-ish characters, so the reader gets past the header and into records, quotes and line ends.
        var body = Gen.OneOf(Gen.Byte, Gen.Const((byte)','), Gen.Const((byte)'"'), Gen.Const((byte)'\n'), Gen.Const((byte)'\r'),
            Gen.Byte[(byte)'0', (byte)'9'], Gen.Byte[(byte)'a', (byte)'z']).Array[0, 1500];
        body.Sample(tail => AssertLoadsOrNamesTheFile(TempRepo.IndicatorsPath, [.. header, .. tail]), iter: Iterations, threads: 1);
    }

    private enum Mutation { Truncate, DeleteRange, InsertBytes, DuplicateRange, OverwriteByte }

    /// <summary>One edit at a random place of a real file: cut it short, delete, insert, duplicate or overwrite bytes.</summary>
    private static Gen<byte[]> Mutated(byte[] original) =>
        Gen.Select(Gen.Enum<Mutation>(), Gen.Int[0, original.Length - 1], Gen.Int[1, 200], Gen.Byte.Array[1, 20],
            (kind, at, length, inserted) =>
            {
                var end = Math.Min(original.Length, at + length);
                return kind switch
                {
                    Mutation.Truncate => original[..at],
                    Mutation.DeleteRange => [.. original[..at], .. original[end..]],
                    Mutation.InsertBytes => [.. original[..at], .. inserted, .. original[at..]],
                    Mutation.DuplicateRange => [.. original[..end], .. original[at..end], .. original[end..]],
                    _ => [.. original[..at], inserted[0], .. original[(at + 1)..]],
                };
            });

    [Theory]
    [InlineData(TempRepo.NotablePath, "notable_models.csv")]
    [InlineData(TempRepo.IndicatorsPath, "indicators.csv")]
    public void Mutated_real_files_load_or_fail_with_errors_naming_the_file(string path, string fixture)
    {
        var original = System.Text.Encoding.UTF8.GetBytes(TempRepo.Fixture(fixture));
        Mutated(original).Sample(bytes => AssertLoadsOrNamesTheFile(path, bytes), iter: Iterations, threads: 1);
    }

    [Fact]
    public void Mutated_edition_files_load_or_fail_with_errors_naming_the_file()
    {
        var original = System.Text.Encoding.UTF8.GetBytes(TempRepo.Fixture("edition.toml"));
        Mutated(original).Sample(bytes => AssertLoadsOrNamesTheFile(TempRepo.EditionPath, bytes), iter: Iterations, threads: 1);
    }
}
