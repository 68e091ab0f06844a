using AiIndexReports.Config;

namespace AiIndexReports.Data.Catalog;

/// <summary>
/// Reads data/indicators.toml against its schema with the configuration layer's reader (every key checked, every
/// problem located at its line), then checks what needs more than one key. The one place that knows the catalog's
/// keys; data/README.md documents the same keys for editors.
/// </summary>
public static class IndicatorCatalogReader
{
    private static readonly TomlTableSchema Schema = new(
        new TomlKey("report", TomlType.Table, Required: true, Help: "the AI Index report's credit", Schema: new(
            new TomlKey("title", TomlType.Text, Required: true, Help: "e.g. \"AI Index Report {edition}\""),
            new TomlKey("publisher", TomlType.Text, Required: true, Help: "e.g. \"Stanford HAI\""),
            new TomlKey("licence", TomlType.Text, Required: true, Help: "e.g. \"CC BY-ND 4.0\""))),
        new TomlKey("release", TomlType.TableArray, Help: "a release of a source other than the report, e.g. a later Global AI Vibrancy Tool", Schema: new(
            new TomlKey("report_edition", TomlType.Text, Required: true, Help: "the report_edition value its rows carry in indicators.csv"),
            new TomlKey("title", TomlType.Text, Required: true),
            new TomlKey("publisher", TomlType.Text, Required: true),
            new TomlKey("released", TomlType.Date, Required: true, Help: "its release date, e.g. 2025-11-30"),
            new TomlKey("licence", TomlType.Text))),
        new TomlKey("geography", TomlType.TableArray, Help: "a geography that is not an ISO 3166 country", Schema: new(
            new TomlKey("code", TomlType.Text, Required: true, Help: "e.g. \"EUR\""),
            new TomlKey("kind", TomlType.Text, Required: true, Help: "world, region, sector, benchmark or organization"),
            new TomlKey("label", TomlType.Text, Required: true, Help: "the Korean name the brief prints"),
            new TomlKey("names", TomlType.TextArray, Help: "the geography column values that mean it, e.g. [\"Europe\"]"))),
        new TomlKey("indicator", TomlType.TableArray, Required: true, Help: "one [[indicator]] per indicator name", Schema: new(
            new TomlKey("name", TomlType.Text, Required: true, Help: "the indicator column value in indicators.csv"),
            new TomlKey("label", TomlType.Text, Required: true, Help: "the Korean label"),
            new TomlKey("aliases", TomlType.TextArray, Help: "other names meaning the same indicator"),
            new TomlKey("kind", TomlType.Text, Required: true, Help: string.Join(", ", IndicatorCatalog.Kinds)),
            new TomlKey("units", TomlType.TextMap, Required: true, Help: "unit as written in indicators.csv = unit printed, e.g. { \"USD billion\" = \"10억 달러\" }"),
            new TomlKey("geographies", TomlType.TextArray, Required: true, Help: string.Join(", ", IndicatorCatalog.GeographyKinds)),
            new TomlKey("periods", TomlType.TextArray, Help: string.Join(", ", IndicatorCatalog.PeriodForms) + " (default [\"year\"])"),
            new TomlKey("order", TomlType.Text, Help: "\"desc\" (more is ahead) or \"asc\" (less is ahead)"),
            new TomlKey("rank_indicator", TomlType.Text, Help: "the indicator holding the published ranks of this one"),
            new TomlKey("latest_release", TomlType.Boolean, Help: "metrics use the latest release not after the brief's date"),
            new TomlKey("scorecard", TomlType.Boolean, Help: "a row of Korea's scorecard"),
            new TomlKey("interval", TomlType.Table, Help: "uncertainty: the indicators holding the bounds", Schema: new(
                new TomlKey("low", TomlType.Text, Required: true),
                new TomlKey("high", TomlType.Text, Required: true),
                new TomlKey("level", TomlType.Number, Required: true, Help: "confidence level in percent, e.g. 90 for a 90% interval", Min: 1, Max: 99.9))),
            new TomlKey("source", TomlType.Text, Help: "a source line other than the report's"))));

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
        var errors = new List<Diagnostic>();
        var root = TomlConfigReader.Read(repoRoot, IndicatorCatalog.RepoPath, Schema, errors);
        return Check(root, IndicatorCatalog.RepoPath, errors, diagnostics);
    }

    public static IndicatorCatalog Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        var errors = new List<Diagnostic>();
        var root = TomlConfigReader.Parse(text, file, Schema, errors);
        return Check(root, file, errors, diagnostics);
    }

    private static IndicatorCatalog Check(ConfigTable? root, string file, List<Diagnostic> errors, List<Diagnostic> diagnostics)
    {
        if (root is null)
        {
            diagnostics.AddRange(errors);
            return IndicatorCatalog.Empty;
        }

        var report = root.Table("report");
        var reportCredit = new Credit(
            report?.Text("title") ?? "AI Index Report {edition}",
            report?.Text("publisher") ?? "Stanford HAI",
            null,
            report?.Text("licence") ?? "");

        var geographies = new List<GeographyDefinition>();
        foreach (var g in root.Tables("geography"))
        {
            var code = g.Text("code") ?? "";
            var kind = g.Text("kind") ?? "";
            if (kind.Length > 0 && kind is not ("world" or "region") && !IndicatorCatalog.NamedKinds.Contains(kind))
                errors.Add(new Diagnostic(g.WhereIs("kind"), $"kind \"{Echo.Clip(kind)}\": expected world, region, {string.Join(", ", IndicatorCatalog.NamedKinds)}"));
            if (geographies.FirstOrDefault(x => x.Code == code) is { } twice)
                errors.Add(new Diagnostic(g.WhereIs("code"), $"geography code \"{Echo.Clip(code)}\" is declared twice (first at {twice.Where})"));
            geographies.Add(new GeographyDefinition(code, kind, g.Text("label") ?? code, g.Texts("names"), g.Where));
        }

        var releases = new List<ReleaseDefinition>();
        foreach (var r in root.Tables("release"))
            releases.Add(new ReleaseDefinition(r.Text("report_edition") ?? "", r.Text("title") ?? "", r.Text("publisher") ?? "",
                r.Date("released") ?? DateOnly.MinValue, r.Text("licence") ?? reportCredit.Licence, r.Where));

        var indicators = new List<IndicatorDefinition>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var t in root.Tables("indicator"))
        {
            var name = t.Text("name") ?? "";
            var aliases = t.Texts("aliases");
            foreach (var n in aliases.Prepend(name).Where(n => n.Length > 0))
                if (!names.TryAdd(n, t.WhereIs(n == name ? "name" : "aliases")))
                    errors.Add(new Diagnostic(t.WhereIs(n == name ? "name" : "aliases"), $"indicator name \"{Echo.Clip(n)}\" is used twice (first at {names[n]})"));

            var kind = t.Text("kind") ?? "";
            Check(t, "kind", [kind], IndicatorCatalog.Kinds, errors);
            var geographyKinds = t.Texts("geographies");
            Check(t, "geographies", geographyKinds, IndicatorCatalog.GeographyKinds, errors);
            IReadOnlyList<string> periods = t.Texts("periods") is { Count: > 0 } listed ? listed : ["year"];
            Check(t, "periods", periods, IndicatorCatalog.PeriodForms, errors);
            var order = t.Text("order") ?? "";
            if (order is not ("" or "asc" or "desc"))
                errors.Add(new Diagnostic(t.WhereIs("order"), $"order \"{Echo.Clip(order)}\": expected \"desc\" (more is ahead), \"asc\" (less is ahead) or leave it out"));

            var units = t.TextMap("units");
            if (units.Count == 0 && t.Has("units"))
                errors.Add(new Diagnostic(t.WhereIs("units"), $"indicator \"{Echo.Clip(name)}\" needs units = {{ \"unit in indicators.csv\" = \"단위\" }}"));

            var interval = t.Table("interval");
            indicators.Add(new IndicatorDefinition(
                name, t.Text("label") ?? name, kind, units, geographyKinds, periods, aliases, order,
                t.Text("rank_indicator"), t.Boolean("latest_release") ?? false, t.Boolean("scorecard") ?? false,
                interval?.Text("low"), interval?.Text("high"), interval?.Number("level"), t.Text("source"), t.Where));
        }

        // References between entries must resolve: a misspelt rank or interval indicator would silently do nothing.
        foreach (var i in indicators)
        {
            foreach (var (key, target) in new[] { ("rank_indicator", i.RankIndicator), ("interval.low", i.IntervalLow), ("interval.high", i.IntervalHigh) })
                if (target is not null && !names.ContainsKey(target))
                    errors.Add(new Diagnostic(i.Where, $"indicator \"{i.Name}\": {key} = \"{Echo.Clip(target)}\" is not an indicator of this file"
                        + (NearestName.Find(target, names.Keys) is { } near ? $" (did you mean \"{near}\"?)" : "")));
        }

        diagnostics.AddRange(errors);
        return errors.Count > 0 ? IndicatorCatalog.Empty : new IndicatorCatalog(indicators, geographies, releases, reportCredit, file);
    }

    private static void Check(ConfigTable t, string key, IEnumerable<string> values, IReadOnlyList<string> allowed, List<Diagnostic> errors)
    {
        foreach (var value in values.Where(v => v.Length > 0 && !allowed.Contains(v)))
            errors.Add(new Diagnostic(t.WhereIs(key), $"{key}: \"{Echo.Clip(value)}\" is not one of {string.Join(", ", allowed)}"
                + (NearestName.Find(value, allowed) is { } near ? $" (did you mean \"{near}\"?)" : "")));
    }
}
