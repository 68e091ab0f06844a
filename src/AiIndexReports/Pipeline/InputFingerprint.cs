using System.Security.Cryptography;
using System.Text;
using AiIndexReports.Config;

namespace AiIndexReports.Pipeline;

/// <summary>One input file of a build: path relative to the repository root (with '/'), SHA-256, size.</summary>
public sealed record InputFile(string Path, string Sha256, long Bytes);

/// <summary>
/// SHA-256 over everything a brief is built from (file paths and contents, plus extra strings such as the brief's
/// manifest entry and the tool version). Same fingerprint as the last good build → the brief can be skipped.
/// </summary>
public sealed record InputFingerprint(string Hash, IReadOnlyList<InputFile> Files)
{
    /// <summary>
    /// Fingerprints the regular files under <paramref name="repoFilesOrFolders"/> (repo-relative: "data",
    /// "templates/theme.toml"), listed by <see cref="InputRoot.Enumerate"/>: a named pipe, a device, a link leading out
    /// of templates/ or data/ is never opened, only reported in <paramref name="warnings"/>. File hashes come from
    /// <paramref name="hashes"/> when given, so a batch hashes the 17 MB of fonts once, not per brief.
    /// </summary>
    public static InputFingerprint Of(string repoRoot, IEnumerable<string> repoFilesOrFolders, IEnumerable<string> extras,
        FileHashCache? hashes = null, ICollection<Diagnostic>? warnings = null)
    {
        warnings ??= new List<Diagnostic>();
        var byPath = new SortedDictionary<string, CheckedFile>(StringComparer.Ordinal);
        foreach (var entry in repoFilesOrFolders)
        {
            var root = InputRoot.ForRepoPath(repoRoot, entry, out var relative);
            foreach (var file in root.Enumerate(relative, warnings)) byPath.TryAdd(file.DisplayPath, file);
        }

        var files = new List<InputFile>(byPath.Count);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, file) in byPath)
        {
            var hash = hashes?.Hash(file) ?? InputRoot.Sha256(file);
            files.Add(new InputFile(path, hash, file.Length));
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\n" + hash + "\n"));
        }
        foreach (var extra in extras) sha.AppendData(Encoding.UTF8.GetBytes("\n" + extra));
        return new InputFingerprint(Convert.ToHexStringLower(sha.GetHashAndReset()), files);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
