namespace AiIndexReports.Typesetting.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void Documents_typeset_in_parallel_with_one_font_library_give_identical_bytes()
    {
        var fonts = TestFonts.Library;
        var results = new byte[4][];
        Parallel.For(0, results.Length, i => results[i] = new Typesetter(fonts).Typeset(SampleDocuments.Brief(TestFonts.Theme, sections: 2, tableRows: 20)).Pdf);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }
}
