using System.Collections.Concurrent;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// The objects of the PDF being finished, by number: Skia's, read from its file when first asked for (thread-safe),
/// and those the finisher replaces, adds or drops. An object nobody asked for is written back byte for byte under its
/// own number, so most of Skia's file (fonts, widths, graphics states) is never parsed.
/// </summary>
internal sealed class PdfObjectTable(byte[] file, Dictionary<int, (int Start, int End)> bodies)
{
    readonly ConcurrentDictionary<int, PdfObject> _objects = new();
    readonly HashSet<int> _dropped = [];

    public int MaxNumber { get; private set; } = bodies.Keys.DefaultIfEmpty(0).Max();

    public PdfObject this[int number]
    {
        get => _objects.GetOrAdd(number, n => bodies.TryGetValue(n, out var body) && !_dropped.Contains(n)
            ? PdfParser.ReadBody(file, body.Start)
            : throw new InvalidDataException($"object {n} does not exist"));
        set
        {
            _objects[number] = value;
            _dropped.Remove(number);
            MaxNumber = Math.Max(MaxNumber, number);
        }
    }

    /// <summary>Leaves the object out of the finished file (a layer inlined into its page).</summary>
    public void Drop(int number)
    {
        _dropped.Add(number);
        _objects.TryRemove(number, out _);
    }

    public bool Exists(int number) => !_dropped.Contains(number) && (_objects.ContainsKey(number) || bodies.ContainsKey(number));

    /// <summary>The object if it was read or set; null for one that is still only bytes in Skia's file.</summary>
    public PdfObject? Loaded(int number) => _objects.TryGetValue(number, out var value) ? value : null;

    /// <summary>Skia's bytes of an object nobody read: its body without "n 0 obj" and "endobj".</summary>
    public ReadOnlySpan<byte> Raw(int number)
    {
        var (start, end) = bodies[number];
        return file.AsSpan(start, end - start).Trim(" \r\n"u8);
    }

    public bool RawIsStream(int number) => Raw(number).EndsWith("endstream"u8);

    /// <summary>Numbers of Skia's objects whose bytes contain <paramref name="marker"/> (to find objects without reading all).</summary>
    public IEnumerable<int> RawContaining(byte[] marker) =>
        bodies.Where(b => !_dropped.Contains(b.Key) && file.AsSpan(b.Value.Start, b.Value.End - b.Value.Start).IndexOf(marker) >= 0)
            .Select(b => b.Key).Order();
}
