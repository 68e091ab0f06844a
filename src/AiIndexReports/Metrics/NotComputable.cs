namespace AiIndexReports.Metrics;

/// <summary>
/// Why a metric cannot be computed for an edition, in English (build errors, metrics.json) and Korean (the brief's
/// methodology note). Every unavailable metric carries one, so no NaN, Infinity or silent zero reaches a brief.
/// </summary>
internal sealed record NotComputable(string English, string Korean)
{
    /// <param name="what">which rows, in English/codes ("KOR, 2024")</param>
    /// <param name="whatKo">the same in Korean ("한국, 2024년"); defaults to <paramref name="what"/></param>
    public static NotComputable MissingIndicator(string indicator, string edition, string? what = null, string? whatKo = null) => new(
        $"not computable: indicators.csv has no {indicator} rows{(what is null ? "" : " for " + what)} for edition {edition}",
        $"{edition}년판 AI 인덱스 지표 자료(indicators.csv)에 {indicator} 값{((whatKo ?? what) is { } w ? $"({w})" : "")}이 없음");

    public static NotComputable MissingVibrancy(string indicator, int measuredYear, string code, string nameKo) => new(
        $"not computable: indicators.csv has no {indicator} row for {code} in the Global AI Vibrancy Tool edition measuring {measuredYear}",
        $"{measuredYear}년을 측정한 글로벌 AI 활력 도구 자료에 {indicator} 값({nameKo})이 없음");

    public static NotComputable DivisionByZero(string divisor) => new(
        $"not computable: division by zero ({divisor} is 0)",
        $"나누는 값({divisor})이 0이어서 계산할 수 없음");

    public static NotComputable TooFewPoints(string series, int found, int needed) => new(
        $"not computable: {series} has {found} point(s), needs at least {needed}",
        $"{series}의 자료점이 {found}개뿐이어서 계산할 수 없음(최소 {needed}개 필요)");

    public static NotComputable NoRows(string what) => new(
        $"not computable: no rows for {what}",
        $"{what}에 해당하는 자료가 없음");

    public static NotComputable NotFinite(string what) => new(
        $"not computable: {what} is not a finite number",
        $"{what} 계산 결과가 유한한 수가 아님");
}
