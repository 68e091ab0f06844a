using System.Text;
using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

/// <summary>UTF-8 with or without BOM and CP949 (declared or detected) load to the same text; nothing else does.</summary>
public sealed class EncodingTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static Encoding Cp949
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(949);
        }
    }

    private static string KoreanFixture => TempRepo.Fixture("notable_models.csv").Replace("LG AI Research", "LG AI 연구원");

    [Fact]
    public void Utf8_with_byte_order_mark()
    {
        _repo.Write(TempRepo.NotablePath, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(KoreanFixture)]);

        var dataset = _repo.Load();
        Assert.Equal("Grok-3", dataset.NotableModels[0].Name); // the BOM is not part of the first header name
        Assert.Equal("LG AI 연구원", dataset.NotableModels[1].Organization);
    }

    [Fact]
    public void Declared_cp949_is_decoded()
    {
        _repo.Replace(TempRepo.EditionPath, "model_column = \"Model\"\n", "model_column = \"Model\"\nencoding = \"cp949\"\n");
        _repo.Write(TempRepo.NotablePath, Cp949.GetBytes(KoreanFixture));

        var dataset = _repo.Load();
        Assert.Equal("LG AI 연구원", dataset.NotableModels[1].Organization);
        Assert.Equal(5, dataset.NotableModels[1].Source.Line);
        Assert.DoesNotContain(dataset.Warnings, w => w.Location?.File == TempRepo.NotablePath);
    }

    [Fact]
    public void Undeclared_cp949_is_detected_with_a_warning()
    {
        _repo.Write(TempRepo.NotablePath, Cp949.GetBytes(KoreanFixture));

        var dataset = _repo.Load();
        Assert.Equal("LG AI 연구원", dataset.NotableModels[1].Organization);
        var warning = Assert.Single(dataset.Warnings, w => w.Location?.File == TempRepo.NotablePath);
        Assert.Contains("read as CP949", warning.Message);
    }

    [Fact]
    public void Utf8_text_declared_cp949_is_refused_rather_than_garbled()
    {
        _repo.Replace(TempRepo.EditionPath, "model_column = \"Model\"\n", "model_column = \"Model\"\nencoding = \"cp949\"\n");
        _repo.Write(TempRepo.NotablePath, KoreanFixture);

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal($"{TempRepo.NotablePath}:5:31", error.Location?.ToString());
        Assert.Contains("valid UTF-8", error.Message);
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_cp949()
    {
        // 0xFF is never a CP949 lead byte and never valid in UTF-8.
        var bytes = Encoding.ASCII.GetBytes(TempRepo.Fixture("notable_models.csv"));
        var at = Array.IndexOf(bytes, (byte)'x'); // "xAI" on line 2
        bytes[at] = 0xFF;
        _repo.Write(TempRepo.NotablePath, bytes);

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal($"{TempRepo.NotablePath}:2:37", error.Location?.ToString());
        Assert.Contains("neither valid UTF-8 nor CP949", error.Message);
    }

    [Fact]
    public void Unsupported_encoding_name_in_the_edition_file()
    {
        _repo.Replace(TempRepo.EditionPath, "model_column = \"Model\"\n", "model_column = \"Model\"\nencoding = \"latin1\"\n");

        var error = Assert.Single(_repo.LoadErrors());
        Assert.Equal("data/2025/edition.toml:9:1", error.Location?.ToString());
        Assert.Contains("expected \"utf-8\" or \"cp949\"", error.Message);
    }
}
