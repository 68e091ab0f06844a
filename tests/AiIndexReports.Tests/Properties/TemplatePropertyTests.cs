using AiIndexReports.Tests.Text;
using AiIndexReports.Text;
using CsCheck;

namespace AiIndexReports.Tests.Properties;

/// <summary>
/// The template stage on random small templates stitched from loops, recursion, includes, huge strings and broken
/// syntax: every template renders or fails with located template errors, within the renderer's limits — never another
/// exception, never a hang.
/// </summary>
public sealed class TemplatePropertyTests : IDisposable
{
    private const string Display = "templates/random.md.sbn";
    private readonly TemplateFolder _templates = new();

    public TemplatePropertyTests()
    {
        _templates.Write("self.sbn", "{{ include \"self.sbn\" }}");
        _templates.Write("part.sbn", "부분 {{ 1 + 1 }}\n");
    }

    public void Dispose() => _templates.Dispose();

    private static Gen<string> Choose(params string[] options) => Gen.Int[0, options.Length - 1].Select(i => options[i]);

    private static readonly Gen<string> Count = Gen.OneOf(Gen.Int[0, 20], Gen.Int[9_990, 10_010], Gen.Int[100_000, 10_000_000]).Select(n => n.ToString());

    private static readonly Gen<string> Piece = Gen.OneOf(
        Choose("가나다 ", "x", "\n", "# 제목\n", "| a | b |\n|---|---|\n", "{{", "}}", "{{ end }}", "{{ else }}", "(", ")", "\"", "|"),
        Count.Select(n => $"{{{{ for i in 1..{n} }}}}"),
        Count.Select(n => $"{{{{ \"가\" | string.pad_left {n} }}}}"),
        Choose(
            "{{ i }}", "{{ while true }}", "{{ if true }}", "{{ if i > 3 }}", "{{ break }}",
            "{{ func f(n)\nret f(n + 1)\nend }}", "{{ f 1 }}", "{{ s = \"ab\" }}", "{{ s = s + s }}", "{{ s }}",
            "{{ include \"self.sbn\" }}", "{{ include \"part.sbn\" }}", "{{ include \"../outside.sbn\" }}", "{{ include \"/etc/passwd\" }}",
            "{{ nothing.here }}", "{{ metrics }}", "{{ \"x\".GetType }}", "{{ 1 / 0 }}", "{{ [1, 2, 3] | array.join \",\" }}",
            "{{ ((((((1)))))) }}", "{{ \"한국\" | josa \"은/는\" }}", "{{ 12345 | man_eok }}", "{{ date.now }}", "{{ object.keys }}"));

    private static readonly Gen<string> Template = Piece.Array[1, 12].Select(pieces => string.Concat(pieces));

    [Fact]
    public void Random_templates_render_or_fail_with_template_errors_within_the_limits()
    {
        Template.Sample(text =>
        {
            var renderer = new TemplateRenderer(_templates.Root);
            var failure = HangGuard.Run(() =>
            {
                try
                {
                    renderer.RenderText(text, Display, new TemplateModel());
                    return null;
                }
                catch (BuildFailedException e)
                {
                    return e;
                }
            }, text);
            if (failure is null) return;
            Assert.NotEmpty(failure.Diagnostics);
            Assert.All(failure.Diagnostics, d => Assert.StartsWith("templates/", d.Location?.File));
        }, iter: 2000);
    }
}
