using System.Text;
using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

/// <summary>
/// Each bad input of the data-stage issue gives an error at its exact file:line:column.
/// Fixture (TestData/Data/notable_models.csv): line 1 header, lines 2–4 Grok-3 (multi-line quoted Abstract),
/// 5 EXAONE 3.5 32B, 6 Gemini 2.0 Flash, 7 Mistral Large 2. Columns: 1 Model, 2 Domain, 3 Organization,
/// 4 Country (from Organization), 5 Publication date, 6 Parameters, 7 Training compute (FLOP), 8 Abstract.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Notable = TempRepo.NotablePath;
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static Diagnostic SingleAt(IReadOnlyList<Diagnostic> errors, string location)
    {
        var error = Assert.Single(errors);
        Assert.Equal(location, error.Location?.ToString());
        return error;
    }

    [Fact]
    public void File_truncated_inside_a_quoted_field()
    {
        var text = TempRepo.Fixture("notable_models.csv");
        _repo.Write(Notable, text[..text.IndexOf("second line with", StringComparison.Ordinal)]);

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:2:8");
        Assert.Contains("never closed", error.Message);
        Assert.Contains("\"Abstract\"", error.Message);
    }

    [Fact]
    public void File_truncated_in_the_middle_of_a_row()
    {
        var text = TempRepo.Fixture("notable_models.csv");
        _repo.Write(Notable, text[..(text.IndexOf("Mistral Large 2", StringComparison.Ordinal) + "Mistral Large 2,Language,Mistral AI,Fra".Length)]);

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:7:4");
        Assert.Contains("4 of 8 fields", error.Message);
        Assert.Contains("ends mid-record", error.Message);
    }

    [Fact]
    public void Unclosed_quote_near_the_top_of_a_big_file_is_stopped_at_the_record_size_limit()
    {
        // 5 MB of text after an opening quote on line 7: without the cap the rest of the file would become one record.
        var text = TempRepo.Fixture("notable_models.csv").Replace("2.13e+25,\n", "2.13e+25,\"Abstract that goes on\n");
        _repo.Write(Notable, text + string.Concat(Enumerable.Repeat("filler line of an abstract that never ends\n", 120_000)));

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:7");
        Assert.Contains("longer than 4 MB: a quoted field is probably never closed", error.Message);
    }

    [Fact]
    public void Empty_file()
    {
        _repo.Write(Notable, []);

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:1:1");
        Assert.Contains("empty (0 bytes)", error.Message);
        Assert.Contains("\"Publication date\"", error.Message);
    }

    [Fact]
    public void Header_only()
    {
        _repo.Write(Notable, TempRepo.Fixture("notable_models.csv").Split('\n')[0] + "\n");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:1:1");
        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public void Columns_shifted_by_one()
    {
        _repo.Replace(Notable, "LG AI Research,", "LG AI Research,Seoul,");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:9");
        Assert.Contains("9 fields, the header has 8", error.Message);
        Assert.Contains("shifted", error.Message);
    }

    [Fact]
    public void A_short_row_in_the_middle_is_reported_as_missing_field_not_truncation()
    {
        _repo.Replace(Notable, "2024-12-09,32000000000.0,1.25e+24,EXAONE 3.5 language models", "2024-12-09,32000000000.0,1.25e+24");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:7");
        Assert.Contains("7 fields, the header has 8", error.Message);
    }

    [Fact]
    public void Renamed_column_names_expected_and_found_and_suggests_the_nearest()
    {
        _repo.Replace(Notable, "Publication date,", "Publication_date,");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:1:5");
        Assert.Contains("missing required column \"Publication date\"", error.Message);
        Assert.Contains("renamed? the header has \"Publication_date\" in column 5", error.Message);
        Assert.Contains("expected columns: \"Model\", \"Organization\", \"Country (from Organization)\", \"Publication date\"", error.Message);
        Assert.Contains("found: \"Model\", \"Domain\", \"Organization\"", error.Message);
    }

    [Fact]
    public void Declared_model_column_missing_from_the_export()
    {
        _repo.Replace(TempRepo.EditionPath, "model_column = \"Model\"", "model_column = \"System\"");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:1");
        Assert.Contains("missing required column \"System\"", error.Message);
        Assert.Contains("declared in data/2025/edition.toml:8:1", error.Message);
    }

    [Fact]
    public void Not_a_number_in_a_numeric_column()
    {
        _repo.Replace(Notable, "32000000000.0", "n/a");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:6");
        Assert.Equal("Parameters: expected a number, found \"n/a\" (leave the cell empty when the value is unknown)", error.Message);
    }

    [Fact]
    public void Negative_count()
    {
        _repo.Replace(Notable, "32000000000.0", "-5");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:6");
        Assert.Equal("Parameters: expected a number ≥ 0, found -5", error.Message);
    }

    [Fact]
    public void Impossible_date()
    {
        _repo.Replace(Notable, "2024-12-09", "2024-13-45");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:5");
        Assert.Equal("Publication date: \"2024-13-45\" is not a calendar date (expected yyyy-MM-dd with a real month and day)", error.Message);
    }

    [Fact]
    public void Unknown_country_is_listed_with_the_nearest_known_spelling()
    {
        _repo.Replace(Notable, "Korea (Republic of)", "Korea (Rep. of)");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:4");
        Assert.Contains("unknown country \"Korea (Rep. of)\" (did you mean \"Korea (Republic of)\"?)", error.Message);
    }

    [Fact]
    public void Cp949_bytes_in_a_file_declared_utf8()
    {
        _repo.Replace(TempRepo.EditionPath, "model_column = \"Model\"\n", "model_column = \"Model\"\nencoding = \"utf-8\"\n");
        var text = TempRepo.Fixture("notable_models.csv").Replace("LG AI Research", "LG AI 연구원");
        _repo.Write(Notable, Cp949.GetBytes(text));

        // "EXAONE 3.5 32B,Language,LG AI " is 30 bytes: the first CP949 byte is column 31 of line 5.
        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:5:31");
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Contains("declares encoding = \"utf-8\"", error.Message);
        Assert.Contains("valid CP949", error.Message);
    }

    [Fact]
    public void Utf16_file()
    {
        var text = TempRepo.Fixture("notable_models.csv");
        _repo.Write(Notable, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:1:1");
        Assert.Contains("UTF-16 (little-endian)", error.Message);
    }

    [Fact]
    public void Utf16_file_without_byte_order_mark()
    {
        _repo.Write(Notable, Encoding.Unicode.GetBytes(TempRepo.Fixture("notable_models.csv")));

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:1:2");
        Assert.Contains("NUL byte", error.Message);
    }

    [Fact]
    public void Zero_byte_edition_file()
    {
        _repo.Write(TempRepo.EditionPath, []);

        var error = SingleAt(_repo.LoadErrors(), "data/2025/edition.toml:1:1");
        Assert.Contains("empty (0 bytes)", error.Message);
    }

    [Fact]
    public void Edition_naming_a_snapshot_that_is_not_present()
    {
        _repo.Replace(TempRepo.EditionPath, "notable_models.csv", "notable_ai_models_2025-02-30.csv");

        var error = SingleAt(_repo.LoadErrors(), "data/2025/edition.toml:6:1");
        Assert.Contains("file \"data/shared/epoch/notable_ai_models_2025-02-30.csv\" does not exist", error.Message);
        Assert.Contains("CSV files in data/shared/epoch: notable_models.csv", error.Message);
    }

    [Fact]
    public void Duplicate_indicator_rows_with_different_values_name_both_lines()
    {
        File.AppendAllText(Path.Combine(_repo.Root, TempRepo.IndicatorsPath),
            "2025,notable_ai_models,China,CHN,2024,16,models,transcribed_report_text,https://example.org,\n");

        var error = SingleAt(_repo.LoadErrors(), $"{TempRepo.IndicatorsPath}:5:6");
        Assert.Equal("value: duplicate key (2025, notable_ai_models, China, 2024): line 3 has 15, line 5 has 16; keep one of the two lines", error.Message);
    }

    [Fact]
    public void Exact_duplicate_indicator_row_is_a_warning_and_counted_once()
    {
        File.AppendAllText(Path.Combine(_repo.Root, TempRepo.IndicatorsPath),
            "2025,notable_ai_models,China,CHN,2024,15,models,transcribed_report_text,https://example.org,\n");

        var dataset = _repo.Load();
        Assert.Equal(3, dataset.Indicators.Count);
        var warning = Assert.Single(dataset.Warnings, w => w.Location?.Line == 5);
        Assert.Equal($"{TempRepo.IndicatorsPath}:5:6: warning: value: line 5 repeats line 3 (same key 2025, notable_ai_models, China, 2024, same value 15): ignored",
            warning.ToString());
    }

    [Fact]
    public void Duplicate_model_name_names_both_lines()
    {
        File.AppendAllText(Path.Combine(_repo.Root, Notable), "EXAONE 3.5 32B,Language,LG AI Research,Korea (Republic of),2024-08-07,7800000000.0,,\n");

        var error = SingleAt(_repo.LoadErrors(), $"{Notable}:8:1");
        Assert.Equal("Model: duplicate key (model \"EXAONE 3.5 32B\"): line 5 has organization \"LG AI Research\", published 2024-12-09, "
            + "line 8 has organization \"LG AI Research\", published 2024-08-07; keep one of the two lines", error.Message);
    }

    [Fact]
    public void Indicator_geography_and_iso3_must_agree()
    {
        _repo.Replace(TempRepo.IndicatorsPath, "South Korea,KOR", "Korea,KOR");

        var error = SingleAt(_repo.LoadErrors(), $"{TempRepo.IndicatorsPath}:4:4");
        Assert.Equal("iso3: geography \"Korea\" is not a known spelling of KOR; expected one of \"South Korea\", \"Korea (Republic of)\", "
            + "\"Republic of Korea\", \"Korea, Rep.\" (or add the spelling to Data/Countries.cs)", error.Message);
    }

    [Fact]
    public void Unknown_key_in_the_edition_file_is_an_error_at_its_line()
    {
        _repo.Replace(TempRepo.EditionPath, "snapshot_date =", "snapshot_dat =");

        var errors = _repo.LoadErrors();
        Assert.Equal(2, errors.Count);
        Assert.Equal("data/2025/edition.toml:7:1", errors[0].Location?.ToString());
        Assert.Contains("unknown key 'snapshot_dat' in [notable_models] (did you mean 'snapshot_date'?)", errors[0].Message);
        Assert.Contains("missing required key 'snapshot_date' (a date like 2025-04-16, without quotes or time: export date", errors[1].Message);
    }

    [Fact]
    public void Edition_naming_an_indicator_edition_that_indicators_csv_lacks()
    {
        _repo.Replace(TempRepo.EditionPath, "report_edition = \"2025\"", "report_edition = \"2026\"");

        var error = SingleAt(_repo.LoadErrors(), "data/2025/edition.toml:12:1");
        Assert.Contains("no rows with report_edition \"2026\"", error.Message);
    }

    [Fact]
    public void Missing_edition_folder_lists_the_editions_present()
    {
        var failure = Assert.Throws<BuildFailedException>(() => new DatasetLoader().Load(_repo.Root, 2026));
        var error = Assert.Single(failure.Diagnostics);
        Assert.Equal("data/2026: error: no folder for edition 2026; editions present: 2025", error.ToString());
    }

    [Fact]
    public void All_problems_are_reported_together()
    {
        _repo.Replace(Notable, "32000000000.0", "n/a");
        _repo.Replace(Notable, "2024-07-24", "2024-13-45");
        File.AppendAllText(Path.Combine(_repo.Root, TempRepo.IndicatorsPath),
            "2025,notable_ai_models,China,CHN,2024,16,models,transcribed_report_text,https://example.org,\n");

        Assert.Equal(
            [$"{Notable}:5:6", $"{Notable}:7:5", $"{TempRepo.IndicatorsPath}:5:6"],
            _repo.LoadErrors().Select(e => e.Location?.ToString()));
    }

    private static Encoding Cp949
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(949);
        }
    }
}
