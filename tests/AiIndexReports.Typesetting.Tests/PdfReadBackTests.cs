using AiIndexReports.Typesetting.Elements;
using UglyToad.PdfPig;

namespace AiIndexReports.Typesetting.Tests;

public class PdfReadBackTests
{
    static TypesetResult Typeset(params Element[] content)
    {
        var document = new Document(TestFonts.Theme) { Metadata = new DocumentMetadata { Title = "시험 문서" } };
        document.AddRange(content);
        return new Typesetter(TestFonts.Library).Typeset(document);
    }

    [Fact]
    public void Korean_paragraph_comes_back_with_its_word_spaces()
    {
        var result = Typeset(new Paragraph("인공지능 모델의 학습 비용은 2024년에 약 1,091억 달러로 전년 대비 29.6% 증가하였다."));

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Equal(1, pdf.NumberOfPages);
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToArray();
        Assert.Equal(["인공지능", "모델의", "학습", "비용은", "2024년에", "약", "1,091억", "달러로", "전년", "대비", "29.6%", "증가하였다."], words);
    }
}
