using System.Text.RegularExpressions;

namespace AiIndexReports.Tests.Briefs;

/// <summary>The real templates, read as text: rules an editor's change must keep.</summary>
public sealed partial class TemplateWordingTests
{
    // Words that say which way a number moved. Next to a printed value they must come from the data (`dir`, `fold`,
    // `change`), or a value that fell is one day written "늘어". Rate names ("증가율", "하락 배수") carry their sign in the number.
    private static readonly string[] DirectionWords =
        ["증가", "감소", "늘어", "늘었", "줄어", "줄었", "좁혀", "벌어", "상승", "하락", "낮아", "높아", "급락", "급등", "해소", "축소", "확대", "내려", "올라"];

    public static TheoryData<string> TemplateFiles() => new(
        new[] { "brief", "summary", "partials" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(TestRepo.Root, "templates", folder), "*.sbn"))
            .Select(f => Path.GetRelativePath(TestRepo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void No_word_of_direction_is_written_next_to_a_printed_value(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(TestRepo.Root, file));
        var offending = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var tags = Tag().Matches(lines[i]).Select(m => m.Value).ToList();
            if (!tags.Any(PrintsAValue)) continue;
            // What the line says around its values, tags and their quoted words left out.
            var prose = Tag().Replace(lines[i], " ").Replace("증가율", "", StringComparison.Ordinal).Replace("하락 배수", "", StringComparison.Ordinal);
            foreach (var word in DirectionWords.Where(w => prose.Contains(w, StringComparison.Ordinal)))
                offending.Add($"{file}:{i + 1}: \"{word}\" in: {lines[i].Trim()}");
        }
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_word_of_direction_has_one_for_no_change(string file)
    {
        // `dir` and `fold` fail on a value that rounds to no change unless given a third word: a new edition's flat figure
        // must not stop the build.
        var text = File.ReadAllText(Path.Combine(TestRepo.Root, file));
        var twoWords = DirectionCall().Matches(text).Select(m => m.Value).Where(call => call.Split('"')[1].Split('/').Length < 3).ToList();
        Assert.True(twoWords.Count == 0, $"{file}: {string.Join(", ", twoWords)}");
    }

    [Fact]
    public void The_check_sees_a_hard_coded_direction()
    {
        var line = "  - 직전 보고서의 {{ p.per_100k.KOR.previous.value | num 2 }}건에서 크게 늘어";
        var prose = Tag().Replace(line, " ");
        Assert.Contains(Tag().Matches(line).Select(m => m.Value), PrintsAValue);
        Assert.Contains("늘어", prose);
        Assert.DoesNotContain("늘어", Tag().Replace("  - {{ c.value | dir \"늘어/줄어\" }}", " "));
    }

    /// <summary>An expression tag prints something; control tags (if, for, end, assignments, comments) do not.</summary>
    private static bool PrintsAValue(string tag) => !Control().IsMatch(tag);

    [GeneratedRegex(@"\|\s*(dir|fold)\s+""[^""]*""")]
    private static partial Regex DirectionCall();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\{\{[~-]?\s*(#|if\b|else\b|end\b|for\b|[a-z_]+\s*=[^=])")]
    private static partial Regex Control();
}
