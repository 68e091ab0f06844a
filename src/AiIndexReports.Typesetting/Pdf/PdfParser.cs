using System.Globalization;
using System.Text;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// Reads a PDF with a classic cross-reference table, as SkiaSharp's PDF backend writes it: every object by number
/// (streams keep their encoded data), and the trailer. Not a general PDF reader: no object streams, no repair.
/// </summary>
internal sealed class PdfParser
{
    readonly byte[] _data;
    int _pos;

    PdfParser(byte[] data) => _data = data;

    /// <summary>The objects by number (read when first asked for) and the trailer dictionary.</summary>
    public static (PdfObjectTable Objects, PdfDictionary Trailer) ReadFile(byte[] pdf)
    {
        var parser = new PdfParser(pdf);
        var startxref = LastIndexOf(pdf, "startxref"u8);
        if (startxref < 0) throw new InvalidDataException("no startxref: not a complete PDF file");
        parser._pos = startxref + "startxref".Length;
        var xref = (int)((PdfNumber)parser.ReadObject()).Value;
        parser._pos = xref;
        if (parser.Keyword() != "xref") throw new InvalidDataException($"no cross-reference table at offset {xref} (object streams are not supported)");
        var offsets = new Dictionary<int, int>();
        while (true)
        {
            parser.SkipWhitespace();
            if (parser.PeekKeyword("trailer")) break;
            var first = ((PdfNumber)parser.ReadObject()).IntValue;
            var count = ((PdfNumber)parser.ReadObject()).IntValue;
            for (var i = 0; i < count; i++)
            {
                var offset = ((PdfNumber)parser.ReadObject()).IntValue;
                parser.ReadObject(); // generation
                if (parser.Keyword() == "n") offsets[first + i] = offset;
            }
        }
        parser.Keyword();
        var trailer = (PdfDictionary)parser.ReadObject();
        // Each object's body: after "n 0 obj", up to its "endobj" (found before the next object or the table).
        var starts = offsets.OrderBy(o => o.Value).ToList();
        var bodies = new Dictionary<int, (int Start, int End)>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var (number, offset) = starts[i];
            var limit = i + 1 < starts.Count ? starts[i + 1].Value : xref;
            parser._pos = offset;
            var read = ((PdfNumber)parser.ReadObject()).IntValue;
            parser.ReadObject();
            if (read != number || parser.Keyword() != "obj")
                throw new InvalidDataException($"object {number} is not at offset {offset}");
            var end = pdf.AsSpan(parser._pos, limit - parser._pos).LastIndexOf("endobj"u8);
            if (end < 0) throw new InvalidDataException($"object {number} has no endobj");
            bodies[number] = (parser._pos, parser._pos + end);
        }
        return (new PdfObjectTable(pdf, bodies), trailer);
    }

    /// <summary>Parses the body of an indirect object (a stream's data is taken as stored).</summary>
    internal static PdfObject ReadBody(byte[] pdf, int start) => new PdfParser(pdf) { _pos = start }.ReadIndirectBody();

    /// <summary>Operands and operators of a content stream, for rewriting page content (no inline images expected).</summary>
    public static List<(List<PdfObject> Operands, string Operator)> ReadContent(byte[] content)
    {
        var parser = new PdfParser(content);
        var operations = new List<(List<PdfObject>, string)>();
        var operands = new List<PdfObject>();
        while (true)
        {
            parser.SkipWhitespace();
            if (parser._pos >= content.Length) break;
            var c = content[parser._pos];
            if (IsRegular(c) && !IsNumberStart(c) && c != '/' && !(c is (byte)'t' or (byte)'f' or (byte)'n' && parser.IsLiteral()))
            {
                var op = parser.Keyword();
                if (op == "BI") throw new InvalidDataException("inline images in page content are not supported");
                operations.Add((operands, op));
                operands = [];
            }
            else operands.Add(parser.ReadObject());
        }
        return operations;
    }

    bool IsLiteral() => PeekKeyword("true") || PeekKeyword("false") || PeekKeyword("null");

    PdfObject ReadIndirectBody()
    {
        var value = ReadObject();
        SkipWhitespace();
        if (value is PdfDictionary dictionary && PeekKeyword("stream"))
        {
            _pos += "stream".Length;
            if (_data[_pos] == '\r') _pos++;
            if (_data[_pos] == '\n') _pos++;
            var length = dictionary["Length"] is PdfNumber n ? n.IntValue
                : throw new InvalidDataException("a stream whose /Length is not a number (Skia writes direct lengths)");
            var data = _data.AsSpan(_pos, length).ToArray();
            return new PdfStream(dictionary, data);
        }
        return value;
    }

    PdfObject ReadObject()
    {
        SkipWhitespace();
        var c = _data[_pos];
        switch (c)
        {
            case (byte)'/':
                _pos++;
                var start = _pos;
                while (_pos < _data.Length && IsRegular(_data[_pos])) _pos++;
                return new PdfName(Encoding.Latin1.GetString(_data, start, _pos - start));
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'<' when _data[_pos + 1] == '<':
                _pos += 2;
                var dictionary = new PdfDictionary();
                while (true)
                {
                    SkipWhitespace();
                    if (_data[_pos] == '>' && _data[_pos + 1] == '>')
                    {
                        _pos += 2;
                        return dictionary;
                    }
                    var key = (PdfName)ReadObject();
                    dictionary[key.Value] = ReadObject();
                }
            case (byte)'<':
                return ReadHexString();
            case (byte)'[':
                _pos++;
                var array = new PdfArray();
                while (true)
                {
                    SkipWhitespace();
                    if (_data[_pos] == ']')
                    {
                        _pos++;
                        return array;
                    }
                    array.Add(ReadObject());
                }
        }
        if (IsNumberStart(c))
        {
            var number = ReadNumber();
            // "12 0 R" is a reference.
            var save = _pos;
            SkipWhitespace();
            if (_pos < _data.Length && char.IsAsciiDigit((char)_data[_pos]) && !number.ToString().Contains('.'))
            {
                var generation = ReadNumber();
                SkipWhitespace();
                if (_pos < _data.Length && _data[_pos] == 'R' && (_pos + 1 >= _data.Length || !IsRegular(_data[_pos + 1])))
                {
                    _pos++;
                    _ = generation;
                    return new PdfReference(number.IntValue);
                }
            }
            _pos = save;
            return number;
        }
        var word = Keyword();
        return word switch
        {
            "true" => new PdfBoolean(true),
            "false" => new PdfBoolean(false),
            "null" => PdfNull.Instance,
            _ => throw new InvalidDataException($"unexpected '{word}' at offset {_pos}"),
        };
    }

    PdfNumber ReadNumber()
    {
        var start = _pos;
        while (_pos < _data.Length && (IsNumberStart(_data[_pos]))) _pos++;
        return new PdfNumber(Encoding.ASCII.GetString(_data, start, _pos - start));
    }

    PdfString ReadLiteralString()
    {
        _pos++;
        var bytes = new List<byte>();
        var depth = 1;
        while (true)
        {
            var c = _data[_pos++];
            if (c == '\\')
            {
                var e = _data[_pos++];
                switch (e)
                {
                    case (byte)'n': bytes.Add((byte)'\n'); break;
                    case (byte)'r': bytes.Add((byte)'\r'); break;
                    case (byte)'t': bytes.Add((byte)'\t'); break;
                    case (byte)'b': bytes.Add(8); break;
                    case (byte)'f': bytes.Add(12); break;
                    case (byte)'\r': if (_data[_pos] == '\n') _pos++; break;
                    case (byte)'\n': break;
                    case >= (byte)'0' and <= (byte)'7':
                        var value = e - '0';
                        for (var i = 0; i < 2 && _data[_pos] is >= (byte)'0' and <= (byte)'7'; i++) value = value * 8 + _data[_pos++] - '0';
                        bytes.Add((byte)value);
                        break;
                    default: bytes.Add(e); break;
                }
                continue;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return new PdfString([.. bytes]);
            bytes.Add(c);
        }
    }

    PdfString ReadHexString()
    {
        _pos++;
        var hex = new StringBuilder();
        while (_data[_pos] != '>')
        {
            if (!IsWhitespace(_data[_pos])) hex.Append((char)_data[_pos]);
            _pos++;
        }
        _pos++;
        if (hex.Length % 2 == 1) hex.Append('0');
        return new PdfString(Convert.FromHexString(hex.ToString()), hex: true);
    }

    string Keyword()
    {
        SkipWhitespace();
        var start = _pos;
        while (_pos < _data.Length && IsRegular(_data[_pos])) _pos++;
        if (_pos == start) throw new InvalidDataException($"unexpected '{(char)_data[_pos]}' at offset {_pos}");
        return Encoding.ASCII.GetString(_data, start, _pos - start);
    }

    bool PeekKeyword(string keyword)
    {
        if (_pos + keyword.Length > _data.Length) return false;
        for (var i = 0; i < keyword.Length; i++)
            if (_data[_pos + i] != keyword[i]) return false;
        return _pos + keyword.Length == _data.Length || !IsRegular(_data[_pos + keyword.Length]);
    }

    void SkipWhitespace()
    {
        while (_pos < _data.Length)
        {
            if (IsWhitespace(_data[_pos])) _pos++;
            else if (_data[_pos] == '%')
                while (_pos < _data.Length && _data[_pos] is not ((byte)'\n' or (byte)'\r')) _pos++;
            else break;
        }
    }

    static bool IsWhitespace(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;
    static bool IsDelimiter(byte c) => c is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
    static bool IsRegular(byte c) => !IsWhitespace(c) && !IsDelimiter(c);
    static bool IsNumberStart(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.';

    static int LastIndexOf(byte[] data, ReadOnlySpan<byte> pattern) => data.AsSpan().LastIndexOf(pattern);

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
