namespace AiIndexReports.Tests.Data;

/// <summary>edition.toml problems point at their line in the edition file (fixture: TestData/Data/edition.toml).</summary>
public sealed class EditionFileTests : IDisposable
{
    private const string Edition = TempRepo.EditionPath;
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Toml_syntax_error_is_reported_at_its_line()
    {
        _repo.Replace(Edition, "measured_year = 2024", "measured_year = ");

        var error = _repo.LoadErrors()[0];
        Assert.Equal(3, error.Location?.Line);
        Assert.Equal(Edition, error.Location?.File);
        Assert.StartsWith("TOML: ", error.Message);
    }

    [Fact]
    public void Value_of_the_wrong_type()
    {
        _repo.Replace(Edition, "measured_year = 2024", "measured_year = \"2024\"");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal($"{Edition}:3:17", error.Location?.ToString());
        Assert.StartsWith("'measured_year' must be a whole number between 1990 and 2100 (the year the edition's figures describe, usually edition - 1), found the text \"2024\"", error.Message);
    }

    [Fact]
    public void Snapshot_date_written_as_a_string()
    {
        _repo.Replace(Edition, "snapshot_date = 2025-02-24", "snapshot_date = \"2025-02-24\"");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal($"{Edition}:7:17", error.Location?.ToString());
        Assert.Contains("'snapshot_date' must be a date like 2025-04-16, without quotes or time (export date of the Epoch snapshot, e.g. 2025-02-24 (a TOML date, no quotes)), found the text \"2025-02-24\"", error.Message);
    }

    [Fact]
    public void Edition_number_must_match_its_folder()
    {
        _repo.Replace(Edition, "edition = 2025", "edition = 2024");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal($"{Edition}:2:1", error.Location?.ToString());
        Assert.Equal("edition = 2024, but the folder is data/2025: they must agree", error.Message);
    }

    [Fact]
    public void Unknown_table_is_named_with_the_known_ones()
    {
        _repo.Replace(Edition, "[indicators]", "[indicator]");

        var errors = _repo.LoadErrors();
        Assert.Equal($"{Edition}:10:1", errors[0].Location?.ToString());
        Assert.StartsWith("unknown key 'indicator' at the top of the file (did you mean 'indicators'?)", errors[0].Message);
        Assert.Contains(errors, e => e.Message.StartsWith("missing required key 'indicators' (a table)", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_file_outside_data_is_refused()
    {
        _repo.Replace(Edition, "../shared/aiindex/indicators.csv", "../../indicators.csv");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal($"{Edition}:11:1", error.Location?.ToString());
        Assert.Contains("points outside data/", error.Message);
    }
}
