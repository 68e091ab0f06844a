using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("United States of America", "USA", "미국")]
    [InlineData("United States", "USA", "미국")]
    [InlineData("Korea (Republic of)", "KOR", "한국")]
    [InlineData("South Korea", "KOR", "한국")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland", "GBR", "영국")]
    [InlineData("China", "CHN", "중국")]
    [InlineData("Saudi Arabia", "SAU", "사우디아라비아")]
    [InlineData("United Arab Emirates", "ARE", "아랍에미리트")]
    [InlineData("Hong Kong", "HKG", "홍콩")]
    [InlineData("Iran (Islamic Republic of)", "IRN", "이란")]
    public void Epoch_and_AI_Index_spellings_map_to_one_code_and_Korean_name(string name, string iso3, string korean)
    {
        Assert.True(Countries.TryFromName(name, out var country));
        Assert.Equal(iso3, country.Iso3);
        Assert.Equal(korean, Countries.KoreanName(iso3));
    }

    [Fact]
    public void Korean_names_of_the_countries_the_brief_ranks()
    {
        Assert.Equal(["미국", "중국", "한국", "영국", "프랑스", "캐나다", "이스라엘", "독일", "일본", "인도", "싱가포르", "룩셈부르크", "유럽"],
            new[] { "USA", "CHN", "KOR", "GBR", "FRA", "CAN", "ISR", "DEU", "JPN", "IND", "SGP", "LUX", "EUR" }.Select(Countries.KoreanName));
    }

    [Fact]
    public void Europe_is_the_EU_27_plus_the_United_Kingdom()
    {
        Assert.Equal(28, Countries.EuropeMembers.Count);
        Assert.True(Countries.IsInEurope("FRA"));
        Assert.True(Countries.IsInEurope("GBR"));
        Assert.True(Countries.IsInEurope("DEU"));
        Assert.False(Countries.IsInEurope("CHE"));
        Assert.False(Countries.IsInEurope("NOR"));
        Assert.False(Countries.IsInEurope("USA"));
        Assert.All(Countries.EuropeMembers, iso3 => Assert.True(Countries.TryFromIso3(iso3, out _)));
    }

    [Fact]
    public void Multinational_is_a_known_label_but_not_a_country()
    {
        Assert.Contains("Multinational", Countries.NonCountryLabels);
        Assert.False(Countries.TryFromName("Multinational", out _));
    }

    [Fact]
    public void Unknown_code_is_a_programming_error()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Countries.KoreanName("XYZ"));
        Assert.Contains("unknown country code 'XYZ'", error.Message);
    }

    [Fact]
    public void Suggestion_for_a_misspelt_name()
    {
        Assert.Equal("Korea (Republic of)", Countries.Suggest("Korea (Rep. of)"));
        Assert.Equal("Saudi Arabia", Countries.Suggest("Saudi-Arabia"));
        Assert.Null(Countries.Suggest("Atlantis Federation of Nowhere"));
    }
}
