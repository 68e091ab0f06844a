using System.Security.Cryptography;
using System.Text;

namespace AiIndexReports.Build;

/// <summary>
/// SHA-256 over everything a brief is built from (file paths and contents, plus extra strings such as the brief's
/// manifest entry and the tool version). Same fingerprint as the last good build → the brief can be skipped.
/// </summary>
public static class InputFingerprint
{
    public static string Of(string repoRoot, IEnumerable<string> relativeFilesOrFolders, IEnumerable<string> extras)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in relativeFilesOrFolders)
        {
            var full = Path.Combine(repoRoot, entry);
            if (File.Exists(full)) files.Add(Normalize(entry));
            else if (Directory.Exists(full))
                foreach (var f in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                    files.Add(Normalize(Path.GetRelativePath(repoRoot, f)));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(repoRoot, file))));
        }
        foreach (var extra in extras) sha.AppendData(Encoding.UTF8.GetBytes("\n" + extra));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Normalize(string path) => path.Replace('\\', '/');
}
