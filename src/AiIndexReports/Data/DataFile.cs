using AiIndexReports.Config;

namespace AiIndexReports.Data;

/// <summary>A CSV an edition uses: where it is on disk, how diagnostics name it, and how it is declared to be encoded.</summary>
/// <param name="FullPath">real path on disk (links resolved, checked to be a regular file inside data/ by <see cref="Config.InputRoot"/>)</param>
/// <param name="RepoPath">repo-relative with forward slashes, as every diagnostic and SourceLocation names it</param>
/// <param name="Encoding">what edition.toml declares</param>
/// <param name="DeclaredAt">the edition.toml line that names the file (for "declared here" hints)</param>
/// <remarks>Title, Publisher, Released and Licence: the credit edition.toml gives the file (null where it gives none).</remarks>
internal sealed record DataFile(string FullPath, string RepoPath, DeclaredEncoding Encoding, SourceLocation DeclaredAt)
{
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Released { get; init; }
    public string? Licence { get; init; }
}
