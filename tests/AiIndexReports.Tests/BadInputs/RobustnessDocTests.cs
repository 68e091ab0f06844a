using System.Text;

namespace AiIndexReports.Tests.BadInputs;

/// <summary>docs/ROBUSTNESS.md carries the corpus table; it must list exactly the cases in BadInputs/cases.</summary>
public sealed class RobustnessDocTests
{
    private const string Begin = "<!-- corpus table: generated from tests/AiIndexReports.Tests/BadInputs/cases; "
        + "AIIR_UPDATE_DOCS=1 dotnet test --filter RobustnessDocTests rewrites it -->";
    private const string End = "<!-- end of corpus table -->";

    public static string CorpusTable(IEnumerable<BadInputCase> cases)
    {
        var text = new StringBuilder();
        text.Append("| case | input | command | exit | expected output (excerpt) |\n|---|---|---|---|---|\n");
        foreach (var c in cases)
            text.Append($"| {c.Name} | {Cell(c.About)} | `{string.Join(' ', c.Args)}` | {c.Exit} | {Cell(c.Expect[0])} |\n");
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    [Fact]
    public void ROBUSTNESS_md_lists_every_corpus_case()
    {
        var path = Path.Combine(TestRepo.Root, "docs", "ROBUSTNESS.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var (start, end) = (doc.IndexOf(Begin, StringComparison.Ordinal), doc.IndexOf(End, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"docs/ROBUSTNESS.md needs the markers {Begin} and {End}");
        var generated = "\n" + CorpusTable(BadInputCase.All()) + "\n";
        if (Environment.GetEnvironmentVariable("AIIR_UPDATE_DOCS") == "1")
        {
            doc = doc[..(start + Begin.Length)] + generated + doc[end..];
            File.WriteAllText(path, doc);
            end = doc.IndexOf(End, StringComparison.Ordinal);
        }
        Assert.Equal(generated, doc[(start + Begin.Length)..end]);
    }

    [Fact]
    public void Corpus_table_row_shows_case_input_command_and_expected_message()
    {
        var table = CorpusTable([BadInputCase.Read(Path.Combine(BadInputCase.CorpusRoot, "csv-na-number"))]);
        Assert.Equal(
            "| case | input | command | exit | expected output (excerpt) |\n|---|---|---|---|---|\n"
            + "| csv-na-number | \"n/a\" in a numeric column | `check --edition 2025` | 1 | data/shared/aiindex/indicators.csv:6:6: error: value: expected a number, found \"n/a\" |\n",
            table);
    }
}
