using AiIndexReports.Briefs;
using AiIndexReports.Config;
using AiIndexReports.Typesetting;

namespace AiIndexReports.Tests.Config;

/// <summary>theme.toml's [justification] and [contents] tables: read through the schema, defaults as the engine's, checked.</summary>
public class ThemeFileTests
{
    private static ThemeFile Load(Func<string, string> edit)
    {
        using var temp = TestRepo.Temp();
        TestRepo.ShareTree(Path.Combine(TestRepo.Root, "templates", "fonts"), Path.Combine(temp.Path, "templates", "fonts"));
        temp.Write("templates/theme.toml", edit(File.ReadAllText(Path.Combine(TestRepo.Root, "templates", "theme.toml"))));
        return ThemeFile.Load(temp.Path);
    }

    [Fact]
    public void The_repository_theme_sets_the_engines_justification_defaults_and_a_compact_contents()
    {
        var theme = BriefTheme.Load(TestRepo.Root).ToTypesettingTheme();

        Assert.Equal(JustificationStyle.Default, theme.Body.Justification);
        Assert.All(theme.Bullets, b => Assert.Equal(JustificationStyle.Default, b.Paragraph.Justification));
        Assert.Equal(2, theme.Toc.Columns);
        Assert.Equal(1, theme.Toc.MaxLevel);
        Assert.Equal(new ThemeContents(8, 2, 1), ThemeFile.Load(TestRepo.Root).Contents);
    }

    [Fact]
    public void Justification_values_reach_every_justified_style_and_missing_tables_keep_the_defaults()
    {
        var edited = Load(toml => toml
            .Replace("max_word_space = 1.5", "max_word_space = 1.3")
            .Replace("total_fit = true", "total_fit = false")
            .Replace("short_last_line_demerits = 50000", "short_last_line_demerits = 20000"));
        var theme = BriefTheme.From(edited).ToTypesettingTheme();
        Assert.Equal(JustificationStyle.Default with { MaxWordSpace = 1.3f, TotalFit = false, ShortLastLineDemerits = 20_000f }, theme.Body.Justification);
        Assert.Equal(theme.Body.Justification, theme.Bullet(2).Paragraph.Justification);

        var without = Load(toml => toml[..toml.IndexOf("[contents]", StringComparison.Ordinal)] + toml[toml.IndexOf("[labels]", StringComparison.Ordinal)..]);
        Assert.Equal(new ThemeJustification(), without.Justification);
        Assert.Equal(new ThemeContents(0, 1, 2), without.Contents);
    }

    [Fact]
    public void Out_of_range_values_are_errors_at_their_line()
    {
        var error = Assert.Throws<BuildFailedException>(() => Load(toml => toml
            .Replace("max_letter_space = 0.08", "max_letter_space = 0.12")
            .Replace("columns = 2 ", "columns = 5 ")));
        var messages = error.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(messages, m => m.Contains("templates/theme.toml:", StringComparison.Ordinal) && m.Contains("max_letter_space", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("columns", StringComparison.Ordinal));

        var order = Assert.Throws<BuildFailedException>(() => Load(toml => toml.Replace("letter_space = 0.05 ", "letter_space = 0.09 ")));
        Assert.Contains("'letter_space' (0.09) may not exceed 'max_letter_space' (0.08)", order.Diagnostics.Single().Message);
    }
}
