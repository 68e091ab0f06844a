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

    [Fact]
    public void Contextual_and_tabular_glyphs_extract_as_their_characters()
    {
        var table = new Table(Width.Relative(1), Width.Relative(1)).Header("모델", "값").Row("GPT-3.5", new TableCell("1,091.3", TextAlign.Right));
        var result = Typeset(new Paragraph("<표 2> 자료: GPT-4o 기준"), table);

        using var pdf = PdfDocument.Open(result.Pdf);
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToArray();
        Assert.Equal(["<표", "2>", "자료:", "GPT-4o", "기준", "모델", "값", "GPT-3.5", "1,091.3"], words);
    }
}
