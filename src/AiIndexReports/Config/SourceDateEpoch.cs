using System.Globalization;

namespace AiIndexReports.Config;

/// <summary>
/// SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since 1970-01-01 UTC that replace the publication date in the
/// PDF's dates. Set, it must be a plain non-negative whole number that is a date before the year 10000; anything else is
/// an error naming the variable rather than being silently ignored.
/// </summary>
public static class SourceDateEpoch
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    /// <summary>9999-12-31T23:59:59Z, the last second a PDF date can hold.</summary>
    public const long Max = 253_402_300_799;

    /// <summary>The value of <paramref name="text"/> (null or empty: not set).</summary>
    /// <exception cref="InvalidRequestException">when set to anything but a whole number from 0 to <see cref="Max"/></exception>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= Max)
            return seconds;
        throw new InvalidRequestException($"{Variable}=\"{Echo.Clip(text)}\" is not a number of seconds since 1970-01-01 UTC "
            + $"(a whole number from 0 to {Max}); unset it, or set it e.g. to the last commit's time: $(git log -1 --format=%ct)");
    }

    /// <summary>The process's SOURCE_DATE_EPOCH, checked.</summary>
    public static long? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));
}
