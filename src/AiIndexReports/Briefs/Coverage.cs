namespace AiIndexReports.Briefs;

public enum CoverageStatus { Available, Alternative, Omitted }

/// <summary>
/// What became of one declared part of a brief in an edition: a section, paragraph, table, figure or headline is
/// available, replaced by its alternative, or omitted — with the reason, in Korean (for the methodology note) and English.
/// </summary>
/// <param name="File">the template, e.g. "templates/brief/04-성능격차.md.sbn"</param>
/// <param name="Line">where the part is declared</param>
/// <param name="Kind">section, paragraph, table, figure, headline</param>
/// <param name="What">the part's Korean description (what a reader would miss)</param>
/// <param name="UsedInstead">for <see cref="CoverageStatus.Alternative"/>: the alternative's description</param>
public sealed record CoverageEntry(string File, int Line, string Kind, string What, CoverageStatus Status,
    string? UsedInstead = null, string? Reason = null, string? ReasonEnglish = null)
{
    /// <summary>A part declared with `:::when`: extra text for editions that have its data; its absence is not an omission.</summary>
    public bool Optional { get; init; }

    /// <summary>"available" / "using an alternative: …" / "omitted", as the coverage command prints it.</summary>
    public string StatusText => Status switch
    {
        CoverageStatus.Available => "available",
        CoverageStatus.Alternative => $"using an alternative: {UsedInstead}",
        _ when Optional => "not in this edition (optional)",
        _ => "omitted",
    };

    /// <summary>One Korean sentence for the brief's methodology note: "미·중 MMLU 격차: 챗봇 아레나 격차로 대신함(이유)".</summary>
    public string NoteKo => Status switch
    {
        CoverageStatus.Alternative => $"{What}: {Text.Josa.Attach(UsedInstead ?? "", "(으)로")} 대신함({Reason})",
        CoverageStatus.Omitted => $"{What}: 생략({Reason})",
        _ => What,
    };
}
