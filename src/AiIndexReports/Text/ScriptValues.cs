using System.Collections;
using System.Globalization;
using System.Numerics;
using Scriban.Runtime;

namespace AiIndexReports.Text;

/// <summary>
/// Converts plain data (text, numbers, booleans, dates, lists, string-keyed dictionaries) into Scriban values and
/// refuses everything else: templates never see a raw .NET object, so they cannot reach its members or methods.
/// </summary>
internal static class ScriptValues
{
    public static object? From(object? value, string path) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal => value,
        float f => (double)f,
        short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StrictScriptObject or ScriptArray => value,
        IDictionary<string, object?> dictionary => FromPairs(dictionary, path),
        IReadOnlyDictionary<string, object?> dictionary => FromPairs(dictionary, path),
        IEnumerable list => FromList(list, path),
        _ => throw new ArgumentException(
            $"`{path}` is a {value.GetType().Name}; templates only receive text, numbers, booleans, dates, lists and dictionaries"),
    };

    private static StrictScriptObject FromPairs(IEnumerable<KeyValuePair<string, object?>> pairs, string path)
    {
        var result = new StrictScriptObject(path);
        foreach (var (key, item) in pairs) result[key] = From(item, $"{path}.{key}");
        result.IsReadOnly = true;
        return result;
    }

    private static ScriptArray FromList(IEnumerable list, string path)
    {
        var result = new ScriptArray();
        int index = 0;
        foreach (var item in list) result.Add(From(item, $"{path}[{index++}]"));
        return result;
    }

    /// <summary>A template argument as a number; null, text and objects are errors an editor can act on.</summary>
    public static double ToNumber(object? value, string function) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        BigInteger b => (double)b,
        null => throw new ArgumentException($"`{function}` expected a number but got nothing (null)"),
        MetricNode node => throw new ArgumentException(
            $"`{function}` expected a number but got the metric object `{node.Path}`; write `{node.Path}.value`"),
        string s => throw new ArgumentException($"`{function}` expected a number but got the text \"{s}\""),
        _ => throw new ArgumentException($"`{function}` expected a number but got {Describe(value)}"),
    };

    public static int ToInteger(object? value, string function)
    {
        double number = ToNumber(value, function);
        if (number != Math.Round(number) || Math.Abs(number) > int.MaxValue)
            throw new ArgumentException($"`{function}` expected a whole number but got {number.ToString(CultureInfo.InvariantCulture)}");
        return (int)number;
    }

    /// <summary>Text as a reader would see it: numbers in invariant culture, so `josa` can read "17.5".</summary>
    public static string ToText(object? value, string function) => value switch
    {
        string s => s,
        int or long or double or decimal or float or BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        null => throw new ArgumentException($"`{function}` expected text but got nothing (null)"),
        MetricNode node => throw new ArgumentException(
            $"`{function}` expected text but got the metric object `{node.Path}`; write `{node.Path}.value`"),
        _ => throw new ArgumentException($"`{function}` expected text but got {Describe(value)}"),
    };

    public static bool ToFlag(object? value, string function) => value switch
    {
        bool b => b,
        int or long or double or decimal => ToNumber(value, function) != 0, // metrics store flags as 1/0
        _ => throw new ArgumentException($"`{function}` expected true/false or 1/0 but got {Describe(value)}"),
    };

    private static string Describe(object? value) => value switch
    {
        null => "nothing (null)",
        bool b => b ? "true" : "false",
        StrictScriptObject o => $"the object `{o.Path}`",
        ScriptObject => "an object",
        ScriptArray => "a list",
        _ => $"a {value.GetType().Name}",
    };
}
