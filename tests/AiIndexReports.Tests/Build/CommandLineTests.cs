using AiIndexReports.Build;

namespace AiIndexReports.Tests.Build;

public class CommandLineTests
{
    [Fact]
    public void Build_with_every_option()
    {
        Assert.True(CommandLine.TryParse(
            ["build", "--edition", "2024", "--brief", "a", "--brief", "b", "--jobs", "2", "--shard", "2/3", "--force", "--timings"],
            out var o, out _));

        Assert.Equal(CommandKind.Build, o.Command);
        Assert.Equal(2024, o.Edition);
        Assert.Equal(["a", "b"], o.Briefs);
        Assert.Equal(2, o.Jobs);
        Assert.Equal(new Shard(2, 3), o.Shard);
        Assert.True(o.Force);
        Assert.True(o.Timings);
    }

    [Fact]
    public void New_edition_takes_a_year_and_coverage_and_check_take_strict()
    {
        Assert.True(CommandLine.TryParse(["new-edition", "2026", "--root", "r"], out var scaffold, out _));
        Assert.Equal((CommandKind.NewEdition, 2026, "r"), (scaffold.Command, scaffold.NewEditionYear!.Value, scaffold.Root));
        Assert.True(CommandLine.TryParse(["coverage", "--edition", "2024", "--strict"], out var coverage, out _));
        Assert.Equal((CommandKind.Coverage, 2024, true), (coverage.Command, coverage.Edition!.Value, coverage.Strict));
        Assert.True(CommandLine.TryParse(["check"], out var check, out _));
        Assert.False(check.Strict);
    }

    [Theory]
    [InlineData(new[] { "build", "--jobs", "0" }, "--jobs expects a number from 1 to 64, found '0'")]
    [InlineData(new[] { "build", "--shard", "4/3" }, "--shard 4/3: k must be between 1 and n (n ≥ 1)")]
    [InlineData(new[] { "publish" }, "unknown command 'publish' (expected build, check, metrics, watch, new-edition or coverage)")]
    [InlineData(new[] { "new-edition" }, "new-edition expects a year such as 2026, found nothing")]
    [InlineData(new[] { "new-edition", "next" }, "new-edition expects a year such as 2026, found 'next'")]
    [InlineData(new[] { "build", "--edition" }, "--edition needs a value")]
    [InlineData(new[] { "build", "--edition", "25" }, "--edition expects a year such as 2025, found '25'")]
    [InlineData(new[] { "build", "--edition", "2025", "--all-editions" }, "--edition and --all-editions cannot be used together")]
    [InlineData(new[] { "build", "--fast" }, "unknown option '--fast'")]
    public void Usage_errors(string[] args, string message)
    {
        Assert.False(CommandLine.TryParse(args, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void No_arguments_means_build()
    {
        Assert.True(CommandLine.TryParse([], out var o, out _));
        Assert.Equal(CommandKind.Build, o.Command);
        Assert.Null(o.Edition);
    }
}
