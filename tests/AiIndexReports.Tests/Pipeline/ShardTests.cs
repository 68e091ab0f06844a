using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

public class ShardTests
{
    [Fact]
    public void Three_shards_cover_the_list_exactly_once()
    {
        var jobs = Enumerable.Range(1, 10).Select(i => $"job{i}").ToList();
        var parts = new[] { "1/3", "2/3", "3/3" }.Select(s =>
        {
            Assert.True(Shard.TryParse(s, out var shard, out _));
            return shard.Select(jobs);
        }).ToList();

        Assert.Equal(["job1", "job4", "job7", "job10"], parts[0]);
        Assert.Equal(["job2", "job5", "job8"], parts[1]);
        Assert.Equal(jobs.Order(), parts.SelectMany(p => p).Order());
    }

    [Theory]
    [InlineData("4/3", "--shard 4/3: k must be between 1 and n (n ≥ 1)")]
    [InlineData("0/2", "--shard 0/2: k must be between 1 and n (n ≥ 1)")]
    [InlineData("x", "--shard expects k/n such as 2/3, found 'x'")]
    public void Bad_shards_are_usage_errors(string text, string message)
    {
        Assert.False(Shard.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
