using System.Text.Json.Serialization;

namespace AiIndexReports.Cli.Preview;

// What the preview page reads from /api/state: the last build as the browser needs it. Serialized by the source
// generator (no reflection: the native binary has the same JSON as the JIT one).

/// <summary>The preview's state after a build: which build, whether one is running, its errors, warnings and changes, and every brief's pages.</summary>
internal sealed record PreviewStateDto(
    int Version,
    int Build,
    bool Building,
    string? BuiltAt,
    long ElapsedMs,
    bool Ok,
    IReadOnlyList<string> Changed,
    IReadOnlyList<PreviewErrorDto> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<MetricChangeDto> MetricChanges,
    IReadOnlyList<BriefDto> Briefs);

/// <summary>
/// An error as the overlay shows it: where (file, line, column, and the whole location as the terminal prints it), what,
/// and the offending line of the template or data file with the column to put a caret under.
/// </summary>
internal sealed record PreviewErrorDto(string? Brief, string? File, int Line, int Column, string Location, string Message, ExcerptDto? Excerpt);

/// <summary>One line of a source file: its number, its text, and the 1-based column the error points at (0: none).</summary>
internal sealed record ExcerptDto(int Line, string Text, int Column);

/// <summary>A metric whose value differs from the previous build of its edition.</summary>
internal sealed record MetricChangeDto(int Edition, string Id, string Label, string? Old, string? New);

/// <summary>One brief of one edition: its pages as of its last good build, and how its last build went (built, skipped, failed).</summary>
internal sealed record BriefDto(string Key, int Edition, string Id, string Title, string Status, IReadOnlyList<PageDto> Pages);

/// <summary>
/// A page: its size in points, its image and source map (URLs that name the bytes' hash), and whether its pixels changed
/// in the last build.
/// </summary>
internal sealed record PageDto(int Number, double WidthPt, double HeightPt, string Png, string Map, bool Changed);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PreviewStateDto))]
internal sealed partial class PreviewJson : JsonSerializerContext;
