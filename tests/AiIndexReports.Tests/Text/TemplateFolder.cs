namespace AiIndexReports.Tests.Text;

/// <summary>A throw-away templates folder for one test.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("aiir-templates-").FullName;

    public TemplateFolder Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
