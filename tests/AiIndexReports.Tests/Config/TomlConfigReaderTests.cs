using AiIndexReports.Config;

namespace AiIndexReports.Tests.Config;

/// <summary>The schema-driven reader on small files written in the test (the real files are covered by the corpus).</summary>
public class TomlConfigReaderTests
{
    private static readonly TomlTableSchema Schema = new(
        new TomlKey("year", TomlType.Integer, Required: true, Help: "a year", Min: 2000, Max: 2100),
        new TomlKey("styles", TomlType.Table, Schema: new(
            new TomlKey("title", TomlType.Table, Schema: new(new TomlKey("size", TomlType.Number, Min: 5, Max: 60))))),
        new TomlKey("tags", TomlType.TextArray),
        new TomlKey("item", TomlType.TableArray, Schema: new(new TomlKey("when", TomlType.Date, Required: true))));

    private static (ConfigTable? Table, List<string> Errors) Read(string toml)
    {
        var errors = new List<Diagnostic>();
        var table = TomlConfigReader.Parse(toml, "x.toml", Schema, errors);
        return (table, errors.Select(e => e.ToString()).ToList());
    }

    [Fact]
    public void Values_of_the_declared_types_are_read_with_their_locations()
    {
        var (table, errors) = Read("year = 2025\ntags = [\"a\", \"b\"]\n[styles.title]\nsize = 24\n[[item]]\nwhen = 2025-04-16\n[[item]]\nwhen = 2024-05-20\n");

        Assert.Empty(errors);
        Assert.Equal(2025, table!.Integer("year"));
        Assert.Equal(["a", "b"], table.Texts("tags"));
        Assert.Equal(24.0, table.Table("styles")!.Table("title")!.Number("size"));
        Assert.Equal([new DateOnly(2025, 4, 16), new DateOnly(2024, 5, 20)], table.Tables("item").Select(i => i.Date("when")!.Value));
        Assert.Equal("x.toml:4:1", table.Table("styles")!.Table("title")!.WhereIs("size").ToString());
    }

    [Fact]
    public void Every_problem_is_reported_at_its_line_and_column_together()
    {
        var (_, errors) = Read("yaer = 2025\ntags = [\"a\", 3]\n[styles.title]\nsize = 99\n[[item]]\nwhen = 10:30:00\n");

        Assert.Equal(
        [
            "x.toml:1:1: error: unknown key 'yaer' at the top of the file (did you mean 'year'?); known keys there: year, styles, tags, item",
            "x.toml:2:14: error: every item of 'tags' must be an array of texts in quotes, found the number 3",
            "x.toml:4:1: error: 'size' must be between 5 and 60, found 99",
            "x.toml:6:8: error: 'when' must be a date like 2025-04-16, without quotes or time, found the time of day 10:30:00",
            "x.toml:1:1: error: missing required key 'year' (a whole number between 2000 and 2100: a year) at the top of the file",
        ], errors);
    }

    [Theory]
    [InlineData("year = 4294969321\n", "x.toml:1:1: error: 'year' must be between 2000 and 2100, found 4294969321")]
    [InlineData("year = \"2025\"\n", "x.toml:1:8: error: 'year' must be a whole number between 2000 and 2100 (a year), found the text \"2025\"")]
    [InlineData("year = 2025\ntags = \"a\"\n", "x.toml:2:8: error: 'tags' must be an array of texts in quotes, found the text \"a\"")]
    [InlineData("year = 2025\nstyles = 3\n", "x.toml:2:10: error: 'styles' must be a table, found the number 3")]
    public void A_value_of_another_type_or_out_of_range_is_located(string toml, string error) =>
        Assert.Equal([error], Read(toml).Errors);

    [Fact]
    public void Nesting_beyond_the_parser_limit_is_a_located_error()
    {
        var (table, errors) = Read("year = 2025\ntags = " + new string('[', 70) + new string(']', 70) + "\n");
        Assert.Null(table);
        Assert.Equal(["x.toml:2:72: error: TOML: arrays or inline tables nested more than 64 deep (the parser's limit; these files need at most 3)"], errors);
    }

    [Fact]
    public void A_long_value_is_quoted_cut_to_200_characters()
    {
        var (_, errors) = Read($"year = \"{new string('9', 5000)}\"\n");
        var error = Assert.Single(errors);
        Assert.EndsWith($"found the text \"{new string('9', 200)}… (5,000 characters)\"", error);
    }
}

public class StrictTextTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0xC1, 0x63 }, "f:2:2: error: byte 0xC1 is not UTF-8 text (CP949? binary?); save the file as UTF-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 }, "f:1:1: error: the file is UTF-16 (little-endian) (byte order mark FFFE); save it as UTF-8")]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 }, "f:1:2: error: NUL byte: the file is binary or UTF-16 without a byte order mark; save it as UTF-8 text")]
    public void Bytes_that_are_not_UTF8_text_are_refused_at_their_position(byte[] bytes, string error)
    {
        var errors = new List<Diagnostic>();
        Assert.Null(StrictText.DecodeUtf8(bytes, "f", errors));
        Assert.Equal([error], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var errors = new List<Diagnostic>();
        Assert.Equal("가", StrictText.DecodeUtf8([0xEF, 0xBB, 0xBF, 0xEA, 0xB0, 0x80], "f", errors));
        Assert.Empty(errors);
    }
}

public class AtomicFileAndEpochTests
{
    [Fact]
    public void Atomic_writes_replace_the_file_and_leave_no_temp_file()
    {
        using var dir = TestRepo.Temp();
        var path = Path.Combine(dir.Path, "sub", "a.json");
        AtomicFile.Write(path, [1, 2]);
        AtomicFile.Write(path, [3]);
        Assert.Equal([3], File.ReadAllBytes(path));
        Assert.Equal(["a.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_set_leaves_the_previous_files_and_no_temp_file()
    {
        using var dir = TestRepo.Temp();
        var good = Path.Combine(dir.Path, "good.txt");
        File.WriteAllText(good, "before");
        // The second file's folder is a file: its temp cannot be written, so no rename happens at all.
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAll([(good, "after"u8.ToArray()), (Path.Combine(good, "x.txt"), [1])]));
        Assert.Equal("before", File.ReadAllText(good));
        Assert.Empty(Directory.GetFiles(dir.Path, "*" + AtomicFile.TempMarker + "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", 0L)]
    [InlineData("1713225600", 1713225600L)]
    public void SOURCE_DATE_EPOCH_accepts_whole_seconds(string? text, long? seconds) => Assert.Equal(seconds, SourceDateEpoch.Parse(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData(" 17")]
    [InlineData("+17")]
    [InlineData("253402300800")]
    [InlineData("99999999999999999999999")]
    public void SOURCE_DATE_EPOCH_garbage_is_an_error_naming_the_variable(string text)
    {
        var e = Assert.Throws<InvalidRequestException>(() => SourceDateEpoch.Parse(text));
        Assert.StartsWith($"SOURCE_DATE_EPOCH=\"{text}\" is not a number of seconds since 1970-01-01 UTC", e.Message);
    }
}

/// <summary>Free-key tables of texts (the catalog's units): pairs in file order, a non-text value located.</summary>
public class TomlTextMapTests
{
    private static readonly TomlTableSchema Schema = new(new TomlKey("units", TomlType.TextMap));

    [Fact]
    public void A_text_map_keeps_the_pairs_in_file_order()
    {
        var errors = new List<Diagnostic>();
        var table = TomlConfigReader.Parse("units = { \"USD billion\" = \"10억 달러\", \"billion USD\" = \"10억 달러\", x = \"배\" }\n", "c.toml", Schema, errors);

        Assert.Empty(errors);
        Assert.Equal([("USD billion", "10억 달러"), ("billion USD", "10억 달러"), ("x", "배")], table!.TextMap("units"));
    }

    [Fact]
    public void A_value_that_is_not_text_is_an_error_at_its_position()
    {
        var errors = new List<Diagnostic>();
        TomlConfigReader.Parse("units = { \"%\" = \"%\", rank = 3 }\n", "c.toml", Schema, errors);

        Assert.Equal(["c.toml:1:29: error: the value of 'rank' in 'units' must be text in quotes, found the number 3"],
            errors.Select(e => e.ToString()));
    }
}
