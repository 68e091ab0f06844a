namespace AiIndexReports.Metrics;

/// <summary>
/// Why a metric cannot be computed for an edition, in English (build errors, metrics.json) and Korean (the brief's
/// methodology note). Every unavailable metric carries one, so no NaN, Infinity or silent zero reaches a brief.
/// </summary>
internal sealed record NotComputable(string English, string Korean)
{
    /// <param name="what">which rows, in English/codes ("KOR, 2024")</param>
    /// <param name="whatKo">the same in Korean ("한국, 2024년"); defaults to <paramref name="what"/></param>
    /// <param name="labelKo">the indicator's Korean label from the catalog (the name itself when it has none)</param>
    public static NotComputable MissingIndicator(string indicator, string edition, string? what = null, string? whatKo = null, string? labelKo = null) => new(
        $"not computable: indicators.csv has no {indicator} rows{(what is null ? "" : " for " + what)} for edition {edition}",
        $"{edition}년판 AI 인덱스 자료에 ‘{labelKo ?? indicator}’ 값{((whatKo ?? what) is { } w ? $"({w})" : "")}이 없음");

    /// <summary>The Epoch export was taken before the year it would recount was over.</summary>
    public static NotComputable StaleSnapshot(string file, DateOnly snapshot, int year, DateOnly completeFrom) => new(
        $"not computable: the Epoch AI export {file} was taken on {snapshot:yyyy-MM-dd}, before {year} was complete "
        + $"(an export counts as complete for {year} from {completeFrom:yyyy-MM-dd} on): a recount would miss the models added later; the AI Index's published counts are used instead",
        $"Epoch AI 주목할 만한 AI 모델 자료가 {LongDate(snapshot)}에 내려받은 것이어서 {year}년 자료가 아직 다 담기지 않아 재집계할 수 없음"
        + $"({LongDate(completeFrom)} 이후 자료부터 완전한 것으로 봄)");

    /// <summary>An input was published after the brief's date: the brief cannot have known it.</summary>
    /// <param name="topicKo">the input in Korean with its topic particle, e.g. "‘글로벌 AI 활력 순위’ 값(…)은"</param>
    public static NotComputable ReleasedAfter(string what, string topicKo, DateOnly released, DateOnly cutoff) => new(
        $"not computable: {what} was released on {released:yyyy-MM-dd}, after the brief's date {cutoff:yyyy-MM-dd}",
        $"{topicKo} {LongDate(released)}에 공개되어 브리프 발간일({LongDate(cutoff)}) 이후의 자료임");

    /// <summary>A table whose last record is before the end of the year a metric needs.</summary>
    public static NotComputable CoverageEnds(string table, string tableKo, DateOnly last, int year) => new(
        $"not computable: {table} ends on {last:yyyy-MM-dd}, before the end of {year}",
        $"{tableKo}의 마지막 자료가 {LongDate(last)}이어서 {year}년 전체를 다루지 못함");

    public static NotComputable MissingVibrancy(string indicator, string measured, string code, string nameKo) => new(
        $"not computable: indicators.csv has no {indicator} row for {code} in the Global AI Vibrancy Tool release measuring {measured}",
        $"{Metrics.Period.KoreanOf(measured)}을 측정한 글로벌 AI 활력 도구 자료에 {nameKo} 값이 없음");

    public static NotComputable DivisionByZero(string divisor) => new(
        $"not computable: division by zero ({divisor} is 0)",
        $"나누는 값({divisor})이 0이어서 계산할 수 없음");

    /// <param name="seriesKo">the series in Korean for the brief (defaults to <paramref name="series"/>)</param>
    public static NotComputable TooFewPoints(string series, int found, int needed, string? seriesKo = null) => new(
        $"not computable: {series} has {found} point(s), needs at least {needed}",
        $"{seriesKo ?? series}의 자료점이 {found}개뿐이어서 계산할 수 없음(최소 {needed}개 필요)");

    /// <param name="whatKo">the same in Korean for the brief (defaults to <paramref name="what"/>)</param>
    public static NotComputable NoRows(string what, string? whatKo = null) => new(
        $"not computable: no rows for {what}",
        $"{whatKo ?? what}에 해당하는 자료가 없음");

    /// <summary>2024-11-30 → "2024년 11월 30일" (the Text stage's date style; Metrics does not depend on Text).</summary>
    public static string LongDate(DateOnly date) => FormattableString.Invariant($"{date.Year}년 {date.Month}월 {date.Day}일");

    public static NotComputable NotFinite(string what) => new(
        $"not computable: {what} is not a finite number",
        $"{what} 계산 결과가 유한한 수가 아님");
}
