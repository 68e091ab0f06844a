using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AiIndexReports.Config;

/// <summary>The encoding a text file is actually read with.</summary>
public enum FileEncoding { Utf8, Cp949 }

/// <summary>How a file's declaration (edition.toml's <c>encoding</c>) says it is encoded. Auto: UTF-8 if the bytes are valid UTF-8, else CP949 if they are valid CP949.</summary>
public enum DeclaredEncoding { Auto, Utf8, Cp949 }

/// <summary>
/// The one strict text reader: every text the tool reads (TOML files, templates, CSV tables) is decoded here, so a wrongly
/// encoded file is an error that names its first bad line, column and byte — never U+FFFD or mojibake in a brief.
/// Configuration files and templates must be UTF-8 (a byte order mark is allowed); a CSV may also be CP949 (what Korean
/// Excel writes), declared or detected. Large files are streamed in fixed-size chunks (no whole-file string).
/// </summary>
public static class StrictText
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Largest configuration file or template read whole, in bytes (the real ones are a few KB).</summary>
    public const long MaxTextFileBytes = 4 << 20;

    /// <summary>
    /// Reads a configuration file or template as UTF-8 text: <paramref name="relative"/> is resolved inside
    /// <paramref name="root"/> (<see cref="InputRoot.Resolve"/>: real path inside the root, a regular file of at most
    /// <see cref="MaxTextFileBytes"/>), then decoded strictly. A byte order mark is skipped; UTF-16/32, NUL bytes and bytes
    /// that are not UTF-8 are an error at the file's line and column.
    /// </summary>
    /// <returns>the text, or null after adding the reason to <paramref name="errors"/></returns>
    public static string? ReadUtf8(InputRoot root, string relative, ICollection<Diagnostic> errors)
    {
        var found = root.Resolve(relative, MaxTextFileBytes);
        if (found.File is not { } file)
        {
            errors.Add(new Diagnostic(new SourceLocation(root.Display(relative)), found.Message));
            return null;
        }
        try
        {
            return DecodeUtf8(InputRoot.ReadAllBytes(file), file.DisplayPath, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new Diagnostic(new SourceLocation(file.DisplayPath), CannotRead(e, file)));
            return null;
        }
    }

    /// <summary>"cannot read the file: …" without the absolute path the system message may carry.</summary>
    public static string CannotRead(Exception e, CheckedFile file) =>
        "cannot read the file: " + (e is UnauthorizedAccessException ? "permission denied" : e.Message.Replace(file.RealPath, file.DisplayPath, StringComparison.Ordinal));

    /// <summary>Decodes bytes as strict UTF-8 text (see <see cref="ReadUtf8"/>).</summary>
    public static string? DecodeUtf8(byte[] bytes, string displayPath, ICollection<Diagnostic> errors)
    {
        if (Utf16Mark(bytes.AsSpan(0, Math.Min(4, bytes.Length))) is { } mark)
        {
            errors.Add(new Diagnostic(new SourceLocation(displayPath, 1, 1),
                $"the file is {mark} (byte order mark {Convert.ToHexString(bytes, 0, 2)}); save it as UTF-8"));
            return null;
        }
        var scan = FindInvalidUtf8(new MemoryStream(bytes, writable: false));
        if (scan.NulAt is { } nul)
        {
            errors.Add(new Diagnostic(new SourceLocation(displayPath, nul.Line, nul.Column),
                "NUL byte: the file is binary or UTF-16 without a byte order mark; save it as UTF-8 text"));
            return null;
        }
        if (scan.InvalidAt is { } bad)
        {
            errors.Add(new Diagnostic(new SourceLocation(displayPath, bad.Line, bad.Column),
                $"byte 0x{bad.Byte:X2} is not UTF-8 text (CP949? binary?); save the file as UTF-8"));
            return null;
        }
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>CP949 (Unified Hangul Code, what Korean Excel writes), throwing on bytes it cannot decode.</summary>
    public static Encoding StrictCp949 { get; } = CreateStrictCp949();

    private static Encoding CreateStrictCp949()
    {
        // .NET Core ships only the Unicode encodings until the code-page provider (part of .NET 10) is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>The encoding to read a table file with (UTF-8 or CP949), or null after reporting why it cannot be read.</summary>
    /// <param name="declaredAt">the line that declares the file and its encoding (edition.toml), for "declared here" hints</param>
    public static FileEncoding? Inspect(string fullPath, string repoPath, DeclaredEncoding declared, SourceLocation declaredAt, DiagnosticBag diagnostics)
    {
        var file = (FullPath: fullPath, RepoPath: repoPath, Encoding: declared, DeclaredAt: declaredAt);
        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[4];
        var headLength = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;

        if (Utf16Mark(head[..headLength]) is { } mark)
        {
            diagnostics.Error(new SourceLocation(file.RepoPath, 1, 1),
                $"the file is {mark} (byte order mark {Convert.ToHexString(head[..2])}); expected UTF-8 or CP949 text: save it as \"CSV UTF-8\"");
            return null;
        }

        var utf8 = FindInvalidUtf8(stream);
        if (utf8.NulAt is { } nul)
        {
            diagnostics.Error(new SourceLocation(file.RepoPath, nul.Line, nul.Column),
                "NUL byte in the text: the file looks like UTF-16 without a byte order mark; expected UTF-8 or CP949 text: save it as \"CSV UTF-8\"");
            return null;
        }

        switch (file.Encoding)
        {
            case DeclaredEncoding.Utf8 when utf8.InvalidAt is { } bad:
                diagnostics.Error(new SourceLocation(file.RepoPath, bad.Line, bad.Column),
                    $"byte 0x{bad.Byte:X2} is not valid UTF-8, but {file.DeclaredAt} declares encoding = \"utf-8\""
                    + (IsValidCp949(file.FullPath, out _) ? "; the bytes are valid CP949 (EUC-KR, Korean Excel's default): declare encoding = \"cp949\" or save the file as \"CSV UTF-8\"" : ""));
                return null;
            case DeclaredEncoding.Utf8:
                return FileEncoding.Utf8;

            case DeclaredEncoding.Cp949 when utf8.InvalidAt is null && utf8.HasMultibyte:
                // Valid multi-byte UTF-8 usually also decodes as CP949, into Hanja and Hangul soup: refuse rather than guess.
                diagnostics.Error(new SourceLocation(file.RepoPath, utf8.FirstMultibyte!.Value.Line, utf8.FirstMultibyte.Value.Column),
                    $"{file.DeclaredAt} declares encoding = \"cp949\", but the file is valid UTF-8 with non-ASCII text; remove the encoding line or declare \"utf-8\"");
                return null;
            case DeclaredEncoding.Cp949:
                if (IsValidCp949(file.FullPath, out var cpBad)) return FileEncoding.Cp949;
                diagnostics.Error(new SourceLocation(file.RepoPath, cpBad.Line, cpBad.Column),
                    $"byte 0x{cpBad.Byte:X2} is not valid CP949, but {file.DeclaredAt} declares encoding = \"cp949\"");
                return null;

            default: // Auto
                if (utf8.InvalidAt is not { } invalid) return FileEncoding.Utf8;
                if (IsValidCp949(file.FullPath, out _))
                {
                    diagnostics.Warning(new SourceLocation(file.RepoPath),
                        $"read as CP949 (EUC-KR): the bytes are not UTF-8 (first at line {invalid.Line}); declare encoding = \"cp949\" in {file.DeclaredAt.File} to make this explicit");
                    return FileEncoding.Cp949;
                }
                diagnostics.Error(new SourceLocation(file.RepoPath, invalid.Line, invalid.Column),
                    $"byte 0x{invalid.Byte:X2} is neither valid UTF-8 nor CP949; save the file as \"CSV UTF-8\"");
                return null;
        }
    }

    private static string? Utf16Mark(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 (little-endian)",
        [0xFF, 0xFE, ..] => "UTF-16 (little-endian)",
        [0xFE, 0xFF, ..] => "UTF-16 (big-endian)",
        _ => null,
    };

    /// <summary>A byte position for people: 1-based line and 1-based byte column within the line.</summary>
    public readonly record struct BytePosition(int Line, int Column, byte Byte);

    private sealed record Utf8Scan(BytePosition? InvalidAt, BytePosition? NulAt, BytePosition? FirstMultibyte)
    {
        public bool HasMultibyte => FirstMultibyte is not null;
    }

    /// <summary>Validates UTF-8 chunk by chunk, carrying an incomplete sequence over to the next chunk.</summary>
    private static Utf8Scan FindInvalidUtf8(Stream stream)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize);
        try
        {
            var lines = new LineCounter();
            BytePosition? firstMultibyte = null;
            var carried = 0;
            while (true)
            {
                var read = stream.Read(bytes, carried, ChunkSize - carried);
                var length = carried + read;
                var final = read == 0;
                var chunk = bytes.AsSpan(0, length);
                var status = Utf8.ToUtf16(chunk, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);

                var valid = chunk[..consumed];
                if (valid.IndexOf((byte)0) is var nul and >= 0)
                    return new Utf8Scan(null, lines.PositionOf(valid, nul), firstMultibyte);
                if (firstMultibyte is null && valid.IndexOfAnyInRange((byte)0x80, (byte)0xFF) is var mb and >= 0)
                    firstMultibyte = lines.PositionOf(valid, mb);

                if (status == System.Buffers.OperationStatus.InvalidData)
                    return new Utf8Scan(lines.PositionOf(chunk, consumed), null, firstMultibyte);

                lines.Advance(valid);
                if (final) return new Utf8Scan(null, null, firstMultibyte);
                carried = length - consumed; // NeedMoreData: an incomplete sequence at the chunk's end
                chunk[consumed..].CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool IsValidCp949(string path, out BytePosition firstInvalid)
    {
        firstInvalid = default;
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 1);
        try
        {
            using var stream = File.OpenRead(path);
            var decoder = StrictCp949.GetDecoder();
            var lines = new LineCounter();
            while (true)
            {
                var read = stream.Read(bytes, 0, ChunkSize);
                int decoded;
                try
                {
                    decoded = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                }
                catch (DecoderFallbackException e)
                {
                    // Index is relative to this chunk; a lead byte carried over from the previous chunk gives -1.
                    var at = (int)Math.Clamp(e.Index, 0, Math.Max(0, read - 1));
                    firstInvalid = lines.PositionOf(bytes.AsSpan(0, read), at);
                    return false;
                }
                // .NET maps the stray bytes 0x80 and 0xFF and CP949's user-defined rows to C1 controls and private-use
                // characters instead of failing: no Korean text contains those, so they mean "not CP949 text".
                var text = chars.AsSpan(0, decoded);
                var c1 = text.IndexOfAnyInRange('\u0080', '\u009F');
                var privateUse = text.IndexOfAnyInRange('\uE000', '\uF8FF');
                var first = c1 < 0 ? privateUse : privateUse < 0 ? c1 : Math.Min(c1, privateUse);
                if (first >= 0)
                {
                    firstInvalid = lines.PositionOf(bytes.AsSpan(0, read), StrictCp949.GetByteCount(chars, 0, first));
                    return false;
                }
                if (read == 0) return true;
                lines.Advance(bytes.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Tracks the line and line start across chunks, to turn a byte offset into line:column.</summary>
    private sealed class LineCounter
    {
        private int _line = 1;
        private int _bytesSinceLineStart;

        public void Advance(ReadOnlySpan<byte> consumed)
        {
            var last = consumed.LastIndexOf((byte)'\n');
            if (last < 0) { _bytesSinceLineStart += consumed.Length; return; }
            _line += consumed.Count((byte)'\n');
            _bytesSinceLineStart = consumed.Length - last - 1;
        }

        public BytePosition PositionOf(ReadOnlySpan<byte> chunk, int index)
        {
            var before = chunk[..index];
            var last = before.LastIndexOf((byte)'\n');
            var line = _line + before.Count((byte)'\n');
            var column = last < 0 ? _bytesSinceLineStart + index + 1 : index - last;
            return new BytePosition(line, column, index < chunk.Length ? chunk[index] : (byte)0);
        }
    }
}
