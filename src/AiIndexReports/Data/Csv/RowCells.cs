using System.Globalization;

namespace AiIndexReports.Data.Csv;

/// <summary>Where a mapped member's cells are: 0-based field index and the header name as the file spells it.</summary>
internal readonly record struct MappedColumn(int Index, string Header);

/// <summary>
/// The cells of one CSV record, with typed readers that report a bad value at file:line:column (column = 1-based
/// field number, as a spreadsheet counts columns) and return null instead of throwing, so one load reports every problem.
/// </summary>
internal sealed class RowCells(string file, int line, IReadOnlyDictionary<string, MappedColumn> columns, DiagnosticBag diagnostics)
{
    public int Line => line;
    public string File => file;

    /// <summary>True once any cell of this record was reported: the record is then left out of the dataset.</summary>
    public bool HasErrors { get; private set; }

    public SourceLocation At(string member) => new(file, line, columns[member].Index + 1);

    public string Header(string member) => columns[member].Header;

    public void Error(string member, string message)
    {
        HasErrors = true;
        diagnostics.Error(At(member), $"{Header(member)}: {message}");
    }

    public void Warning(string member, string message) => diagnostics.Warning(At(member), $"{Header(member)}: {message}");

    /// <summary>A text cell that must not be empty.</summary>
    public string Required(string member, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) Error(member, "expected a value, found an empty cell");
        return text.Trim();
    }

    /// <summary>A number; an empty cell is null (Epoch leaves unknown values empty) unless <paramref name="required"/>.</summary>
    public double? Number(string member, string text, bool required = true, bool allowNegative = false)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            if (required) Error(member, "expected a number, found an empty cell");
            return null;
        }
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(member, $"expected a number, found \"{Shorten(trimmed)}\"" + (required ? "" : " (leave the cell empty when the value is unknown)"));
            return null;
        }
        if (value < 0 && !allowNegative)
        {
            Error(member, $"expected a number ≥ 0, found {trimmed}");
            return null;
        }
        return value;
    }

    /// <summary>A whole count ≥ 0.</summary>
    public int? Count(string member, string text)
    {
        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Error(member, trimmed.Length == 0 ? "expected a whole number ≥ 0, found an empty cell" : $"expected a whole number ≥ 0, found \"{Shorten(trimmed)}\"");
            return null;
        }
        return value;
    }

    /// <summary>A calendar date written yyyy-MM-dd (the only form both Epoch exports use).</summary>
    public DateOnly? Date(string member, string text)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(member, trimmed.Length == 0 ? "expected a date yyyy-MM-dd, found an empty cell"
            : IsDateShaped(trimmed) ? $"\"{trimmed}\" is not a calendar date (expected yyyy-MM-dd with a real month and day)"
            : $"expected a date yyyy-MM-dd, found \"{Shorten(trimmed)}\"");
        return null;
    }

    private static bool IsDateShaped(string s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-' && s.Replace("-", "").All(char.IsAsciiDigit);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
