using AiIndexReports.Typesetting.Tests;

namespace AiIndexReports.Tests.Briefs;

/// <summary>
/// Issue 13's target for justification, measured on the built 2025 briefs as a reader's tool sees them: no justified
/// line with a word gap over twice the normal (median) gap. Before total-fit breaking the 요약 box's first line had
/// gaps 3.6 times the normal gap, and a line of section 5 had 2.5 times.
/// </summary>
public class JustificationTests(BuiltBriefs briefs) : IClassFixture<BuiltBriefs>
{
    [ToolFact("pdftotext")]
    public void The_2025_brief_has_no_loose_justified_line() => AssertNoLooseLine(briefs.Pdf(2025, "ai-index-brief"));

    [ToolFact("pdftotext")]
    public void The_2025_summary_has_no_loose_justified_line() => AssertNoLooseLine(briefs.Pdf(2025, "ai-index-summary"));

    static void AssertNoLooseLine(byte[] pdf)
    {
        var measured = LooseLines.Measure(pdf, limit: 2.0);
        Assert.True(measured.JustifiedLines >= 3, measured.ToString());
        Assert.True(measured.Loose.Count == 0, measured.ToString());
    }
}
