using AiIndexReports.Config;
using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

public class BriefManifestTests
{
    [Fact]
    public void Real_manifest_lists_the_full_brief_and_the_summary()
    {
        var manifest = BriefManifest.Load(TestRepo.Root);

        Assert.Equal(["ai-index-brief", "ai-index-summary"], manifest.Briefs.Select(b => b.Id));
        var full = manifest.Briefs[0];
        Assert.Equal("2025/ai-index-brief.pdf", full.OutputPath(2025));
        Assert.Equal("AI 인덱스 2025 주요 내용과 한국에의 시사점", full.Fill(full.Title, 2025));
        // Numbers and dates come from each edition's edition.toml ([brief]); the manifest only adds a brief's suffix.
        Assert.Null(full.IssueFor(2025));
        Assert.Equal(new BriefIssue(2025, "2025-04", new DateOnly(2025, 4, 16)), full.IssueFor(2025, "2025-04", new DateOnly(2025, 4, 16)));
        Assert.Equal("summary", manifest.Briefs[1].Variant);
        Assert.Equal("2025-04-S", manifest.Briefs[1].IssueFor(2025, "2025-04", new DateOnly(2025, 4, 16))!.Number);
    }

    [Fact]
    public void An_issue_listed_in_the_manifest_wins_over_the_editions_default()
    {
        using var dir = TestRepo.Temp();
        dir.Write("templates/brief/01.md.sbn", "# x");
        dir.Write("templates/briefs.toml", "[[brief]]\nid = \"a\"\ntemplate = \"brief\"\ntitle = \"t\"\nnumber = \"{number}-X\"\n"
            + "issues = [ { edition = 2025, number = \"7\", date = 2025-05-01 } ]\n");
        var brief = BriefManifest.Load(dir.Path).Briefs.Single();

        Assert.Equal(new BriefIssue(2025, "7", new DateOnly(2025, 5, 1)), brief.IssueFor(2025, "2025-04", new DateOnly(2025, 4, 16)));
        Assert.Equal(new BriefIssue(2026, "2026-04-X", new DateOnly(2026, 4, 16)), brief.IssueFor(2026, "2026-04", new DateOnly(2026, 4, 16)));
        Assert.Null(brief.IssueFor(2027));
    }

    [Fact]
    public void A_number_pattern_without_the_editions_number_is_an_error()
    {
        var e = LoadBroken("[[brief]]\nid = \"a\"\ntemplate = \"brief\"\ntitle = \"t\"\nnumber = \"2026-04\"\n");
        Assert.Equal("templates/briefs.toml:5:1: error: number pattern '2026-04' must contain {number} (the edition's [brief] number in data/<edition>/edition.toml)",
            e.Diagnostics.Single().ToString());
    }

    private static BuildFailedException LoadBroken(string toml)
    {
        using var dir = TestRepo.Temp();
        dir.Write("templates/brief/01.md.sbn", "# x");
        dir.Write("templates/briefs.toml", toml);
        return Assert.Throws<BuildFailedException>(() => BriefManifest.Load(dir.Path));
    }

    [Fact]
    public void Duplicate_id_names_both_lines()
    {
        var e = LoadBroken("[[brief]]\nid = \"a\"\ntemplate = \"brief\"\ntitle = \"t\"\n\n[[brief]]\nid = \"a\"\ntemplate = \"brief\"\ntitle = \"t\"\n");
        Assert.Equal("templates/briefs.toml:7:1: error: duplicate brief id 'a' (first defined at templates/briefs.toml:1:1)", e.Diagnostics.Single().ToString());
    }

    [Fact]
    public void Unknown_template_escaping_output_bad_date_and_unknown_key_are_reported_together()
    {
        var e = LoadBroken(
            "[[brief]]\n" +
            "id = \"a\"\n" +
            "template = \"nope\"\n" +
            "title = \"t\"\n" +
            "output = \"../{id}.pdf\"\n" +
            "titel = \"typo\"\n" +
            "issues = [ { edition = 2025, number = \"1\", date = \"2025-13-01\" } ]\n");

        var messages = e.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains("templates/briefs.toml:3:1: error: unknown template folder 'nope' (expected a folder under templates/)", messages);
        Assert.Contains("templates/briefs.toml:5:1: error: output pattern '../{id}.pdf' must stay inside output/ (no '..', no absolute path, no folder starting with '.') and end in .pdf", messages);
        Assert.Contains(messages, m => m.StartsWith("templates/briefs.toml:6:1: error: unknown key 'titel' in [[brief]] (did you mean 'title'?); known keys there: id, template, ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("templates/briefs.toml:7:", StringComparison.Ordinal) && m.Contains("'date' must be a date like 2025-04-16, without quotes or time (the publication date), found the text \"2025-13-01\""));
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public void Toml_syntax_error_has_line_and_column()
    {
        var e = LoadBroken("[[brief]]\nid = \"a\"\ntitle = \n");
        Assert.StartsWith("templates/briefs.toml:3:", e.Diagnostics[0].ToString());
    }
}

public class PlanTests
{
    [Fact]
    public void An_edition_listed_ahead_of_its_data_is_a_warning_naming_the_brief()
    {
        using var dir = TestRepo.Temp();
        dir.Write("data/2025/edition.toml", "");
        dir.Write("templates/brief/01.md.sbn", "# x");
        dir.Write("templates/briefs.toml", "[[brief]]\nid = \"a\"\ntemplate = \"brief\"\ntitle = \"t\"\neditions = [2025, 2026]\n");
        var manifest = BriefManifest.Load(dir.Path);
        using var builder = new BriefBuilder(dir.Path);

        var jobs = builder.Plan(manifest, new BuildRequest { AllEditions = true });

        Assert.Equal(["2025/a"], jobs.Select(j => j.Name));
        Assert.Equal(
            "templates/briefs.toml:1:1: warning: brief 'a' lists edition 2026, which has no data folder (data/2026/edition.toml): nothing is built for it",
            Assert.Single(builder.PlanWarnings).ToString());
    }
}
