using AiIndexReports.Toml;

namespace AiIndexReports.Data.Catalog;

/// <summary>
/// Reads data/indicators.toml strictly (every key checked, every problem located at its line). The one place that knows
/// the catalog's keys; data/README.md documents the same keys for editors.
/// </summary>
public static class IndicatorCatalogReader
{
    /// <summary>The catalog of a repository; a repository without the file gets <see cref="IndicatorCatalog.Empty"/> and a warning.</summary>
    public static IndicatorCatalog Read(string repoRoot, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(repoRoot, "data", IndicatorCatalog.FileName);
        if (!File.Exists(path))
        {
            diagnostics.Add(new Diagnostic(new SourceLocation(IndicatorCatalog.RepoPath),
                "no indicator catalog: indicator names, geographies and periods are not checked and no indicator metrics are made", Severity.Warning));
            return IndicatorCatalog.Empty;
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            diagnostics.Add(new Diagnostic(new SourceLocation(IndicatorCatalog.RepoPath), $"cannot read the file: {e.Message}"));
            return IndicatorCatalog.Empty;
        }
        return Parse(text, IndicatorCatalog.RepoPath, diagnostics);
    }

    public static IndicatorCatalog Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        var errors = new List<Diagnostic>();
        var root = TomlSection.Parse(text, file, errors);
        if (root is null)
        {
            diagnostics.AddRange(errors);
            return IndicatorCatalog.Empty;
        }

        var report = root.Table("report", required: true);
        var reportCredit = new Credit(
            report?.String("title", required: true) ?? "AI Index Report {edition}",
            report?.String("publisher", required: true) ?? "Stanford HAI",
            null,
            report?.String("licence", required: true) ?? "");
        report?.RejectUnknownKeys();

        var geographies = new List<GeographyDefinition>();
        foreach (var g in root.Tables("geography"))
        {
            var code = g.String("code", required: true) ?? "";
            var kind = g.String("kind", required: true) ?? "";
            if (kind.Length > 0 && kind is not ("world" or "region") && !IndicatorCatalog.NamedKinds.Contains(kind))
                errors.Add(new Diagnostic(g.WhereIs("kind"), $"kind \"{kind}\": expected world, region, {string.Join(", ", IndicatorCatalog.NamedKinds)}"));
            if (geographies.FirstOrDefault(x => x.Code == code) is { } twice)
                errors.Add(new Diagnostic(g.WhereIs("code"), $"geography code \"{code}\" is declared twice (first at {twice.Where})"));
            geographies.Add(new GeographyDefinition(code, kind, g.String("label", required: true) ?? code, g.List<string>("names", "texts"), g.Where));
            g.RejectUnknownKeys();
        }

        var releases = new List<ReleaseDefinition>();
        foreach (var r in root.Tables("release"))
        {
            var edition = r.String("report_edition", required: true) ?? "";
            var released = r.Date("released", required: true);
            releases.Add(new ReleaseDefinition(edition, r.String("title", required: true) ?? "", r.String("publisher", required: true) ?? "",
                released ?? DateOnly.MinValue, r.String("licence") ?? reportCredit.Licence, r.Where));
            r.RejectUnknownKeys();
        }

        var indicators = new List<IndicatorDefinition>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var t in root.Tables("indicator", required: true))
        {
            var name = t.String("name", required: true) ?? "";
            var aliases = t.List<string>("aliases", "names");
            foreach (var n in aliases.Prepend(name).Where(n => n.Length > 0))
                if (!names.TryAdd(n, t.WhereIs(n == name ? "name" : "aliases")))
                    errors.Add(new Diagnostic(t.WhereIs(n == name ? "name" : "aliases"), $"indicator name \"{n}\" is used twice (first at {names[n]})"));

            var kind = t.String("kind", required: true) ?? "";
            Check(t, "kind", [kind], IndicatorCatalog.Kinds, errors);
            var geographyKinds = t.List<string>("geographies", "texts", required: true);
            Check(t, "geographies", geographyKinds, IndicatorCatalog.GeographyKinds, errors);
            IReadOnlyList<string> periods = t.List<string>("periods", "texts") is { Count: > 0 } listed ? listed : ["year"];
            Check(t, "periods", periods, IndicatorCatalog.PeriodForms, errors);
            var order = t.String("order") ?? "";
            if (order is not ("" or "asc" or "desc"))
                errors.Add(new Diagnostic(t.WhereIs("order"), $"order \"{order}\": expected \"desc\" (more is ahead), \"asc\" (less is ahead) or leave it out"));

            var units = new List<(string, string)>();
            if (t.Table("units", required: true) is { } unitTable)
            {
                foreach (var key in unitTable.Keys.ToList())
                    units.Add((key, unitTable.String(key, required: true) ?? ""));
                unitTable.RejectUnknownKeys();
            }
            if (units.Count == 0)
                errors.Add(new Diagnostic(t.WhereIs("units"), $"indicator \"{name}\" needs units = {{ \"unit in indicators.csv\" = \"단위\" }}"));

            var interval = t.Table("interval");
            string? low = interval?.String("low", required: true), high = interval?.String("high", required: true);
            var level = interval?.Number("level", required: true);
            interval?.RejectUnknownKeys();

            indicators.Add(new IndicatorDefinition(
                name, t.String("label", required: true) ?? name, kind, units, geographyKinds, periods, aliases, order,
                t.String("rank_indicator"), t.Boolean("latest_release") ?? false, t.Boolean("scorecard") ?? false,
                low, high, level, t.String("source"), t.Where));
            t.RejectUnknownKeys();
        }

        // References between entries must resolve: a misspelt rank or interval indicator would silently do nothing.
        foreach (var i in indicators)
        {
            foreach (var (key, target) in new[] { ("rank_indicator", i.RankIndicator), ("interval.low", i.IntervalLow), ("interval.high", i.IntervalHigh) })
                if (target is not null && !names.ContainsKey(target))
                    errors.Add(new Diagnostic(i.Where, $"indicator \"{i.Name}\": {key} = \"{target}\" is not an indicator of this file"
                        + (NearestName.Find(target, names.Keys) is { } near ? $" (did you mean \"{near}\"?)" : "")));
        }
        root.RejectUnknownKeys();

        diagnostics.AddRange(errors);
        return errors.Count > 0 ? IndicatorCatalog.Empty : new IndicatorCatalog(indicators, geographies, releases, reportCredit, file);
    }

    private static void Check(TomlSection t, string key, IEnumerable<string> values, IReadOnlyList<string> allowed, List<Diagnostic> errors)
    {
        foreach (var value in values.Where(v => v.Length > 0 && !allowed.Contains(v)))
            errors.Add(new Diagnostic(t.WhereIs(key), $"{key}: \"{value}\" is not one of {string.Join(", ", allowed)}"
                + (NearestName.Find(value, allowed) is { } near ? $" (did you mean \"{near}\"?)" : "")));
    }
}
