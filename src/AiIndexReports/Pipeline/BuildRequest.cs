using AiIndexReports.Typesetting.Pdf;

namespace AiIndexReports.Pipeline;

/// <summary>
/// What to build: which editions and briefs, which slice of them, with how many parallel jobs and which settings.
/// Made by the CLI from its arguments (or by a test or benchmark directly); the pipeline knows nothing of argument syntax.
/// An edition or brief that does not exist is an <see cref="InvalidRequestException"/> from <see cref="BriefBuilder.Plan"/>.
/// </summary>
public sealed record BuildRequest
{
    /// <summary>One edition; null = the newest folder in data/ (unless <see cref="AllEditions"/>).</summary>
    public int? Edition { get; init; }
    public bool AllEditions { get; init; }
    /// <summary>Brief ids from the manifest; empty = every brief.</summary>
    public IReadOnlyList<string> Briefs { get; init; } = [];
    public Shard Shard { get; init; } = Shard.All;
    /// <summary>Briefs built in parallel.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    /// <summary>How each brief is built (force, previews, layout dump, PDF standard, SOURCE_DATE_EPOCH).</summary>
    public BuildSettings Settings { get; init; } = new();
}

/// <summary>Options of a build run that are not about which briefs to build.</summary>
public sealed record BuildSettings
{
    /// <summary>Rebuild even when a brief's inputs hash the same as at its last good build.</summary>
    public bool Force { get; init; }
    /// <summary>Also write a PNG of every page under output/&lt;edition&gt;/&lt;brief&gt;/preview/.</summary>
    public bool Previews { get; init; }
    public float PreviewDpi { get; init; } = 80;
    /// <summary>
    /// With <see cref="Previews"/>, also write page-NN.json beside each page-NN.png: the page's boxes with the template line
    /// and metrics that made them (<c>Briefs.PageMap</c>), for the live preview.
    /// </summary>
    public bool PreviewMaps { get; init; }
    /// <summary>Also write output/&lt;edition&gt;/&lt;brief&gt;.layout.txt, a text dump of the composed element tree (<c>LayoutDump</c>).</summary>
    public bool DumpLayout { get; init; }
    /// <summary>Also write output/&lt;edition&gt;/&lt;brief&gt;.provenance.md: every printed metric's method and source rows (<c>ProvenanceDocument</c>).</summary>
    public bool Provenance { get; init; }
    /// <summary>Tagged PDF/UA-1 + PDF/A-2a (default) or a plain PDF (<c>--pdf-standard none</c>).</summary>
    public PdfStandard PdfStandard { get; init; } = PdfStandard.Ua1A2a;
    /// <summary>Seconds since 1970 for the PDF's dates instead of the publication date (SOURCE_DATE_EPOCH, read by the CLI).</summary>
    public long? SourceDateEpoch { get; init; }
    /// <summary>Unknown indicator names, units and release dates are errors, not warnings (--strict).</summary>
    public bool Strict { get; init; }
}
