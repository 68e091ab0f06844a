using System.Globalization;
using System.Text;

namespace AiIndexReports.Typesetting.Pdf;

// The PDF object model (ISO 32000-1, 7.3) as far as reading Skia's output and writing the finished file need it.
// Numbers keep the text they were read with, so a copied object is written back exactly.

internal abstract class PdfObject
{
    public abstract void WriteTo(PdfOutput output);
}

internal sealed class PdfName(string value) : PdfObject
{
    /// <summary>Without the slash, as written (a name with #xx escapes keeps them).</summary>
    public string Value { get; } = value;
    public override void WriteTo(PdfOutput output) => output.Raw("/").Raw(Value);
    public override bool Equals(object? obj) => obj is PdfName other && other.Value == Value;
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => "/" + Value;
}

internal sealed class PdfNumber : PdfObject
{
    readonly string _text;

    public PdfNumber(string text) => _text = text;
    public PdfNumber(int value) => _text = value.ToString(CultureInfo.InvariantCulture);
    /// <summary>Up to three decimals (1/1000 pt is finer than any device), no exponent, no trailing zeros.</summary>
    public PdfNumber(double value) => _text = Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture) is var t && t == "-0" ? "0" : t;

    public double Value => double.Parse(_text, NumberStyles.Float, CultureInfo.InvariantCulture);
    public int IntValue => (int)Value;
    public override void WriteTo(PdfOutput output) => output.Raw(_text);
    public override string ToString() => _text;
}

internal sealed class PdfBoolean(bool value) : PdfObject
{
    public bool Value { get; } = value;
    public override void WriteTo(PdfOutput output) => output.Raw(Value ? "true" : "false");
}

internal sealed class PdfNull : PdfObject
{
    public static readonly PdfNull Instance = new();
    public override void WriteTo(PdfOutput output) => output.Raw("null");
}

/// <summary>A string of bytes; written as a literal string, or in hex when it was read that way or is not plain ASCII.</summary>
internal sealed class PdfString(byte[] bytes, bool hex = false) : PdfObject
{
    public byte[] Bytes { get; } = bytes;
    public bool Hex { get; } = hex;

    /// <summary>A text string (ISO 32000-1, 7.9.2.2): ASCII as is, anything else as UTF-16BE with a byte order mark.</summary>
    public static PdfString Text(string text) =>
        text.All(c => c is >= ' ' and < (char)0x7F)
            ? new PdfString(Encoding.ASCII.GetBytes(text))
            : new PdfString([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)], hex: true);

    /// <summary>A byte string of ASCII text (names of destinations, URIs, dates).</summary>
    public static PdfString Ascii(string text) => new(Encoding.ASCII.GetBytes(text));

    public override void WriteTo(PdfOutput output)
    {
        if (Hex || Bytes.Any(b => b < 0x20 || b >= 0x7F))
        {
            output.Raw("<").Raw(Convert.ToHexString(Bytes)).Raw(">");
            return;
        }
        output.Raw("(");
        foreach (var b in Bytes)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\') output.Byte((byte)'\\');
            output.Byte(b);
        }
        output.Raw(")");
    }

    public string AsText() =>
        Bytes.Length >= 2 && Bytes[0] == 0xFE && Bytes[1] == 0xFF
            ? Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2)
            : Encoding.Latin1.GetString(Bytes);
}

internal sealed class PdfReference(int number) : PdfObject
{
    public int Number { get; } = number;
    public override void WriteTo(PdfOutput output) => output.Reference(Number);
    public override bool Equals(object? obj) => obj is PdfReference other && other.Number == Number;
    public override int GetHashCode() => Number;
    public override string ToString() => $"{Number} 0 R";
}

internal sealed class PdfArray(IEnumerable<PdfObject>? items = null) : PdfObject
{
    public List<PdfObject> Items { get; } = [.. items ?? []];

    public PdfArray Add(PdfObject item)
    {
        Items.Add(item);
        return this;
    }

    public override void WriteTo(PdfOutput output)
    {
        output.Raw("[");
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0) output.Raw(" ");
            Items[i].WriteTo(output);
        }
        output.Raw("]");
    }
}

/// <summary>A dictionary that keeps the order its keys were added in (written in that order: reproducible bytes).</summary>
internal sealed class PdfDictionary : PdfObject
{
    readonly List<KeyValuePair<string, PdfObject>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, PdfObject>> Entries => _entries;

    public PdfObject? this[string key]
    {
        get
        {
            foreach (var entry in _entries)
                if (entry.Key == key) return entry.Value;
            return null;
        }
        set
        {
            var index = _entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (index >= 0) _entries.RemoveAt(index);
            }
            else if (index >= 0) _entries[index] = new(key, value);
            else _entries.Add(new(key, value));
        }
    }

    public PdfDictionary Set(string key, PdfObject value)
    {
        this[key] = value;
        return this;
    }

    public PdfDictionary Set(string key, string name) => Set(key, new PdfName(name));
    public PdfDictionary Set(string key, int number) => Set(key, new PdfNumber(number));

    public override void WriteTo(PdfOutput output)
    {
        output.Raw("<<");
        foreach (var (key, value) in _entries)
        {
            output.Raw("/").Raw(key).Raw(" ");
            value.WriteTo(output);
        }
        output.Raw(">>");
    }
}

/// <summary>A stream: its dictionary and its data as stored (still encoded by its /Filter).</summary>
internal sealed class PdfStream(PdfDictionary dictionary, byte[] data) : PdfObject
{
    public PdfDictionary Dictionary { get; } = dictionary;
    public byte[] Data { get; private set; } = data;

    /// <summary>A Flate-compressed stream of <paramref name="plain"/> bytes (read, not kept).</summary>
    public static PdfStream Deflated(PdfDictionary dictionary, ReadOnlySpan<byte> plain)
    {
        var stream = new PdfStream(dictionary, []);
        stream.SetData(PdfFilters.Deflate(plain), "FlateDecode");
        return stream;
    }

    /// <summary>A stream of <paramref name="plain"/> bytes, Flate-compressed unless told otherwise.</summary>
    public static PdfStream Create(PdfDictionary dictionary, byte[] plain, bool compress = true)
    {
        if (compress) return Deflated(dictionary, plain);
        var stream = new PdfStream(dictionary, plain);
        stream.SetData(plain, null);
        return stream;
    }

    public void SetData(byte[] data, string? filter)
    {
        Data = data;
        Dictionary["Filter"] = filter is null ? null : new PdfName(filter);
        Dictionary["DecodeParms"] = null;
    }

    /// <summary>The data with its filter undone, in a stream to read in place (<see cref="MemoryStream.GetBuffer"/>).</summary>
    public MemoryStream DecodedStream() => Dictionary["Filter"] switch
    {
        null => new MemoryStream(Data, 0, Data.Length, writable: false, publiclyVisible: true),
        PdfName { Value: "FlateDecode" } => PdfFilters.InflateToStream(Data),
        var filter => throw new InvalidDataException($"stream filter {filter} is not supported"),
    };

    /// <summary>The data with its filter undone (only FlateDecode, or none, occur in what Skia writes).</summary>
    public byte[] Decoded() => Dictionary["Filter"] switch
    {
        null => Data,
        PdfName { Value: "FlateDecode" } => PdfFilters.Inflate(Data),
        var filter => throw new InvalidDataException($"stream filter {filter} is not supported"),
    };

    /// <summary>Appends the decoded data to <paramref name="output"/> without an intermediate copy.</summary>
    public void DecodeInto(PdfOutput output)
    {
        switch (Dictionary["Filter"])
        {
            case null:
                output.Bytes(Data);
                break;
            case PdfName { Value: "FlateDecode" }:
                PdfFilters.InflateInto(Data, output);
                break;
            case var filter:
                throw new InvalidDataException($"stream filter {filter} is not supported");
        }
    }

    public override void WriteTo(PdfOutput output)
    {
        Dictionary["Length"] = new PdfNumber(Data.Length);
        Dictionary.WriteTo(output);
        output.Raw("\nstream\n").Bytes(Data).Raw("\nendstream");
    }
}

internal static class PdfFilters
{
    public static byte[] Deflate(ReadOnlySpan<byte> plain)
    {
        // Sized for what PDF content and fonts compress to (a third to a fifth), so the buffer rarely grows.
        using var output = new MemoryStream(plain.Length / 3 + 256);
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(plain);
        return output.ToArray();
    }

    public static void InflateInto(byte[] data, PdfOutput output)
    {
        using var input = new System.IO.Compression.ZLibStream(new MemoryStream(data, writable: false), System.IO.Compression.CompressionMode.Decompress);
        output.CopyFrom(input);
    }

    public static byte[] Inflate(byte[] data)
    {
        using var output = InflateToStream(data);
        return output.ToArray();
    }

    /// <summary>The inflated bytes in a stream whose buffer the caller reads in place (no copy of its own).</summary>
    public static MemoryStream InflateToStream(byte[] data)
    {
        using var input = new System.IO.Compression.ZLibStream(new MemoryStream(data, writable: false), System.IO.Compression.CompressionMode.Decompress);
        var output = new MemoryStream(data.Length * 5);
        input.CopyTo(output);
        return output;
    }
}

/// <summary>Bytes of the file being written, with object references mapped to their numbers in the new file.</summary>
internal sealed class PdfOutput(Func<int, int> renumber, int capacity = 0)
{
    readonly MemoryStream _bytes = new(capacity);

    public long Position => _bytes.Position;

    public PdfOutput Raw(string ascii)
    {
        Span<byte> buffer = ascii.Length <= 256 ? stackalloc byte[ascii.Length] : new byte[ascii.Length];
        for (var i = 0; i < ascii.Length; i++) buffer[i] = (byte)ascii[i];
        _bytes.Write(buffer);
        return this;
    }

    public PdfOutput Byte(byte b)
    {
        _bytes.WriteByte(b);
        return this;
    }

    public PdfOutput Bytes(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public PdfOutput Reference(int number) => Raw(renumber(number).ToString(CultureInfo.InvariantCulture)).Raw(" 0 R");

    public void CopyFrom(Stream stream)
    {
        Span<byte> buffer = stackalloc byte[4096];
        for (int read; (read = stream.Read(buffer)) > 0;) _bytes.Write(buffer[..read]);
    }

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>The bytes written so far, in place (valid until the next write).</summary>
    public ReadOnlySpan<byte> Written => _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
}
