using System.Security.Cryptography;
using System.Text;

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
    /// Fingerprints the files under <paramref name="relativeFilesOrFolders"/>; file hashes come from
    /// <paramref name="hashes"/> when given, so a batch hashes the 17 MB of fonts once, not per brief.
    /// </summary>
    public static InputFingerprint Of(string repoRoot, IEnumerable<string> relativeFilesOrFolders, IEnumerable<string> extras,
        FileHashCache? hashes = null)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in relativeFilesOrFolders)
        {
            var full = System.IO.Path.Combine(repoRoot, entry);
            if (File.Exists(full)) paths.Add(Normalize(entry));
            else if (Directory.Exists(full))
                foreach (var f in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                    paths.Add(Normalize(System.IO.Path.GetRelativePath(repoRoot, f)));
        }

        var files = new List<InputFile>(paths.Count);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            var info = new FileInfo(System.IO.Path.Combine(repoRoot, path));
            var hash = hashes?.Hash(info.FullName, info) ?? Sha256(File.ReadAllBytes(info.FullName));
            files.Add(new InputFile(path, hash, info.Length));
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\n" + hash + "\n"));
        }
        foreach (var extra in extras) sha.AppendData(Encoding.UTF8.GetBytes("\n" + extra));
        return new InputFingerprint(Convert.ToHexStringLower(sha.GetHashAndReset()), files);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Normalize(string path) => path.Replace('\\', '/');
}
