using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// Where each piece of a rendered template came from: every write to the output with the template file, line and
/// column that wrote it and the metrics read to write it. The Write stage uses it to place each Markdown block at the
/// template line an editor changes (not the line of the rendered Markdown, which loops, trimmed tags and dropped
/// <c>:::needs</c> parts shift) and to name the metrics a paragraph, table cell or heading prints.
/// Filled by <see cref="TemplateRenderer.Render(string, TemplateModel, IDictionary{string, string}?, OutputOrigins?)"/>.
/// </summary>
public sealed class OutputOrigins
{
    /// <summary>
    /// One write: <paramref name="Start"/>/<paramref name="Length"/> in the output; the template position of its first
    /// character; <paramref name="Verbatim"/> when the text is the template's own (raw text), so its later lines are the
    /// template's next lines; the metrics read by the statement that wrote it and by the statements around it (a loop's
    /// collection, an if's condition).
    /// </summary>
    public sealed record Segment(int Start, int Length, string File, int Line, int Column, bool Verbatim, IReadOnlyList<string> Metrics)
    {
        public int End => Start + Length;
    }

    private readonly List<Segment> _segments = [];

    public IReadOnlyList<Segment> Segments => _segments;

    internal void Add(Segment segment)
    {
        if (segment.Length <= 0) return;
        _segments.Add(segment);
    }

    /// <summary>Text appended after rendering (e.g. a caveat line made from metrics): attributed to <paramref name="file"/> as a whole.</summary>
    public void Append(int start, int length, string file, IReadOnlyList<string> metrics) =>
        Add(new Segment(start, length, file, 0, 0, Verbatim: false, metrics));

    /// <summary>
    /// The template position of the first non-blank character at or after <paramref name="offset"/> of
    /// <paramref name="output"/> (the text this object describes), or null when nothing wrote it.
    /// </summary>
    public SourceLocation? At(string output, int offset)
    {
        while (offset < output.Length && output[offset] is ' ' or '\t' or '\r' or '\n') offset++;
        var segment = SegmentAt(offset);
        if (segment is null) return null;
        if (segment.Line <= 0) return new SourceLocation(segment.File);
        if (!segment.Verbatim) return new SourceLocation(segment.File, segment.Line, segment.Column);
        // Raw template text is copied as it is: count its line breaks up to the offset.
        var line = segment.Line;
        var lineStart = -1;
        for (var i = segment.Start; i < offset && i < output.Length; i++)
            if (output[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        var column = lineStart < 0 ? segment.Column + (offset - segment.Start) : offset - lineStart + 1;
        return new SourceLocation(segment.File, line, column);
    }

    /// <summary>Ids of the metrics read to write any character of output[<paramref name="start"/>, <paramref name="end"/>), in first-read order.</summary>
    public IReadOnlyList<string> MetricsIn(int start, int end)
    {
        var ids = new List<string>();
        var first = FirstEndingAfter(start);
        for (var i = first; i < _segments.Count && _segments[i].Start < end; i++)
            foreach (var id in _segments[i].Metrics)
                if (!ids.Contains(id)) ids.Add(id);
        return ids;
    }

    private Segment? SegmentAt(int offset)
    {
        var i = FirstEndingAfter(offset);
        return i < _segments.Count && _segments[i].Start <= offset ? _segments[i] : null;
    }

    /// <summary>Index of the first segment whose end is after <paramref name="offset"/> (segments are in output order).</summary>
    private int FirstEndingAfter(int offset)
    {
        int lo = 0, hi = _segments.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_segments[mid].End <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>
/// A template context that records, for every write to its output, which statement wrote it and which metrics were read
/// to write it (<see cref="OutputOrigins"/>). Scriban writes a statement's value after the statement has been evaluated,
/// with the enclosing block's span: the statement evaluated last is the one being written.
/// </summary>
internal sealed class TrackingContext : TemplateContext
{
    [ThreadStatic] private static TrackingContext? t_current;

    private readonly OutputOrigins _origins;
    private readonly TrackingOutput _output;
    // Metric reads of the statements being evaluated, outermost first; each open statement owns a tail of the list.
    private readonly List<string> _reads = [];
    private readonly Stack<int> _frames = new();
    private (ScriptStatement Statement, string[] Reads)? _completed;
    private (ScriptStatement Statement, string[] Reads)? _writing;

    public TrackingContext(OutputOrigins origins, ScriptObject builtins) : base(builtins)
    {
        _origins = origins;
        _output = new TrackingOutput(this);
        PushOutput(_output);
    }

    /// <summary>Called by metric objects when a template reads a metric's value: attributed to the statement being evaluated.</summary>
    public static void MetricRead(string id) => t_current?._reads.Add(id);

    /// <summary>Makes this context the one metric reads on this thread are reported to, until disposed.</summary>
    public IDisposable Activate()
    {
        var previous = t_current;
        t_current = this;
        return new Restore(() => t_current = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is not ScriptStatement statement || scriptNode is ScriptBlockStatement)
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        _frames.Push(_reads.Count);
        try
        {
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
        finally
        {
            var start = _frames.Pop();
            var reads = _reads.Count > start ? _reads.GetRange(start, _reads.Count - start).ToArray() : [];
            if (_reads.Count > start) _reads.RemoveRange(start, _reads.Count - start);
            _completed = (statement, reads);
        }
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        _writing = _completed;
        try
        {
            return base.Write(span, textAsObject);
        }
        finally
        {
            _writing = null;
        }
    }

    /// <summary>Records where output[start, start+count) came from; <paramref name="text"/> is what Scriban handed the output.</summary>
    private void Wrote(int start, string text, int offset, int count)
    {
        var metrics = new List<string>();
        void AddAll(IEnumerable<string> ids)
        {
            foreach (var id in ids)
                if (!metrics.Contains(id)) metrics.Add(id);
        }
        AddAll(_reads);
        if (_writing is { } writing)
        {
            AddAll(writing.Reads);
            var at = writing.Statement.Span;
            _origins.Add(new OutputOrigins.Segment(start, count, at.FileName ?? "", at.Start.Line + 1, at.Start.Column + 1, Verbatim: false, metrics));
            return;
        }
        if (CurrentNode is ScriptRawStatement raw && ReferenceEquals(text, raw.Text.FullText) && offset >= raw.Span.Start.Offset)
        {
            // Raw text is a slice of the template itself: the offset in the template gives the line and column.
            var (line, column) = (raw.Span.Start.Line, raw.Span.Start.Column);
            for (var i = raw.Span.Start.Offset; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n') { line++; column = 0; }
                else column++;
            }
            _origins.Add(new OutputOrigins.Segment(start, count, raw.Span.FileName ?? "", line + 1, column + 1, Verbatim: true, metrics));
            return;
        }
        var node = CurrentNode?.Span ?? CurrentSpan;
        _origins.Add(new OutputOrigins.Segment(start, count, node.FileName ?? "", node.Start.Line + 1, node.Start.Column + 1, Verbatim: false, metrics));
    }

    /// <summary>The rendered text, with each write reported to the context.</summary>
    private sealed class TrackingOutput(TrackingContext context) : IScriptOutput
    {
        private readonly System.Text.StringBuilder _builder = new();

        public void Write(string text, int offset, int count)
        {
            if (count <= 0) return;
            context.Wrote(_builder.Length, text, offset, count);
            _builder.Append(text, offset, count);
        }

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => _builder.ToString();
    }
}
