namespace AiIndexReports.Typesetting.Pdf;

/// <summary>One bookmark: <paramref name="PageIndex"/> is 0-based, <paramref name="Level"/> 1-based (1 = top level).</summary>
public sealed record PdfOutlineEntry(string Title, int PageIndex, int Level);

/// <summary>
/// What <see cref="PdfPostProcessor"/> adds to a PDF that SkiaSharp cannot write itself.
/// </summary>
/// <param name="Outline">Bookmarks in document order; each nests under the closest earlier entry of a lower level.</param>
/// <param name="Language">The catalog's /Lang, a BCP 47 tag such as "ko-KR".</param>
/// <param name="CreationUtc">Written as both creation and modification date; must be <see cref="DateTimeKind.Utc"/>.</param>
/// <param name="DocumentIdSeed">Hashed with the input bytes into the file identifier, so equal inputs give equal files.</param>
public sealed record PdfPostProcessOptions(
    IReadOnlyList<PdfOutlineEntry> Outline, string Language, DateTime CreationUtc, string DocumentIdSeed);
