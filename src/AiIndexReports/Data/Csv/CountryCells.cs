namespace AiIndexReports.Data.Csv;

/// <summary>
/// Turns a comma-separated country cell ("United States of America,United Kingdom of …,Multinational") into distinct
/// ISO3 codes in file order, and gathers unknown spellings so each is reported once, with every place it occurs.
/// </summary>
internal sealed class CountryCells(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, List<SourceLocation>> _unknown = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Resolve(string text, RowCells cells, string member)
    {
        var codes = new List<string>(2);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Countries.NonCountryLabels.Contains(part)) continue;
            if (Countries.TryFromName(part, out var country))
            {
                // Epoch repeats a country once per organisation; a model counts once per distinct country.
                if (!codes.Contains(country.Iso3)) codes.Add(country.Iso3);
            }
            else
            {
                if (!_unknown.TryGetValue(part, out var places)) _unknown[part] = places = [];
                places.Add(cells.At(member));
            }
        }
        return codes;
    }

    /// <summary>One error per unknown spelling, at its first occurrence, with a suggestion.</summary>
    public void ReportUnknown(string header)
    {
        foreach (var (name, places) in _unknown)
        {
            var suggestion = Countries.Suggest(name);
            var others = places.Skip(1).Select(p => p.Line).Take(10).ToList();
            diagnostics.Error(places[0],
                $"{header}: unknown country \"{name}\"" + (suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)")
                + (others.Count == 0 ? "" : $"; also on line{(others.Count > 1 ? "s" : "")} {string.Join(", ", others)}{(places.Count > 11 ? ", …" : "")}")
                + "; add new spellings to Data/Countries.cs");
        }
    }
}
