using AiIndexReports.Metrics;
using CsCheck;

namespace AiIndexReports.Tests.Metrics;

public class RankingTests
{
    [Fact]
    public void Equal_values_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = Ranking.Descending([("a", 5.0), ("b", 3.0), ("c", 3.0), ("d", 1.0)], x => x.Item2, x => x.Item1);

        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
        Assert.Equal([false, true, true, false], ranked.Select(r => r.Tied));
        Assert.Equal(["a", "b", "c", "d"], ranked.Select(r => r.Item.Item1));
    }

    [Fact]
    public void Rank_is_one_more_than_the_number_of_strictly_larger_values_and_ties_are_flagged()
    {
        Gen.Int[0, 6].Array[0, 12].Sample(values =>
        {
            var items = values.Select((v, i) => (Name: $"c{i:00}", Value: (double)v)).ToList();
            var ranked = Ranking.Descending(items, x => x.Value, x => x.Name);

            Assert.Equal(items.Count, ranked.Count);
            foreach (var r in ranked)
            {
                Assert.Equal(1 + items.Count(x => x.Value > r.Value), r.Rank);
                Assert.Equal(items.Count(x => x.Value == r.Value) > 1, r.Tied);
            }
        });
    }
}
