using System.ComponentModel;
using AiIndexReports.Config;
using AiIndexReports.Pipeline;
using AiIndexReports.Typesetting.Pdf;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>Options every command takes.</summary>
internal class GlobalSettings : CommandSettings
{
    [CommandOption("--root <DIR>")]
    [Description("repository root (default: found from the current directory: a folder with templates/briefs.toml and data/)")]
    public string? Root { get; init; }

    [CommandOption("--verbose")]
    [Description("on an internal error, also print its stack trace")]
    public bool Verbose { get; init; }
}

/// <summary>Options of the commands that work on one edition.</summary>
internal class EditionSettings : GlobalSettings
{
    [CommandOption("--edition <YEAR>")]
    [Description("AI Index edition to use (default: the newest folder in data/)")]
    public string? EditionText { get; init; }

    /// <summary>The edition asked for (checked by <see cref="Validate"/>).</summary>
    public int? Edition => Number(EditionText);

    public override ValidationResult Validate() =>
        EditionText is { } e && Edition is not (>= BriefManifest.MinYear and <= BriefManifest.MaxYear)
            ? ValidationResult.Error($"--edition expects a year such as 2025, found '{Echo.Clip(e)}'")
            : ValidationResult.Success();

    /// <summary>A plain whole number (digits only), or null.</summary>
    protected static int? Number(string? text) =>
        text is { Length: > 0 and < 10 } && text.All(char.IsAsciiDigit) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>coverage: an edition, read strictly or not.</summary>
internal class CoverageSettings : EditionSettings
{
    [CommandOption("--strict")]
    [Description("unknown indicator names and release dates are errors, not warnings")]
    public bool Strict { get; init; }
}

/// <summary>check: an edition and, optionally, some of its briefs.</summary>
internal class CheckSettings : CoverageSettings
{
    [CommandOption("--brief <ID>")]
    [Description("only this brief (repeatable)")]
    public string[] Briefs { get; init; } = [];
}

/// <summary>metrics: an edition, as a table or as JSON.</summary>
internal sealed class MetricsSettings : EditionSettings
{
    [CommandOption("--json")]
    [Description("print the metrics as JSON (what output/<edition>/metrics.json holds)")]
    public bool Json { get; init; }
}

/// <summary>watch: which briefs to rebuild on every change.</summary>
internal class WatchSettings : CheckSettings
{
    [CommandOption("--all-editions")]
    [Description("every edition in data/")]
    public bool AllEditions { get; init; }

    [CommandOption("--jobs <N>")]
    [Description("briefs built in parallel, 1 to 64 (default: number of cores)")]
    public string? JobsText { get; init; }

    public int Jobs => Number(JobsText) ?? Environment.ProcessorCount;

    [CommandOption("--pdf-standard <STANDARD>")]
    [Description("ua1+a2a (default: tagged PDF/UA-1 and PDF/A-2a) or none (a plain, untagged PDF 1.7)")]
    public string? PdfStandardText { get; init; }

    /// <summary>The standard asked for (checked by <see cref="Validate"/>).</summary>
    public PdfStandard PdfStandard => PdfStandards.Parse(PdfStandardText) ?? PdfStandard.Ua1A2a;

    public override ValidationResult Validate()
    {
        var edition = base.Validate();
        if (!edition.Successful) return edition;
        if (Edition is not null && AllEditions) return ValidationResult.Error("--edition and --all-editions cannot be used together");
        if (JobsText is { } j && Number(j) is not (>= 1 and <= 64)) return ValidationResult.Error($"--jobs expects a number from 1 to 64, found '{Echo.Clip(j)}'");
        if (PdfStandardText is { } p && PdfStandards.Parse(p) is null)
            return ValidationResult.Error($"--pdf-standard expects {string.Join(" or ", PdfStandards.Names)}, found '{Echo.Clip(p)}'");
        return ValidationResult.Success();
    }

    /// <summary>The request these options make (the shard and settings are the build command's).</summary>
    public virtual BuildRequest Request(long? sourceDateEpoch) => new()
    {
        Edition = Edition,
        AllEditions = AllEditions,
        Briefs = Briefs,
        Jobs = Jobs,
        Settings = new BuildSettings { Previews = true, PdfStandard = PdfStandard, SourceDateEpoch = sourceDateEpoch, Strict = Strict },
    };
}

/// <summary>preview: the briefs to rebuild on every change, shown in the browser; the port to serve them on.</summary>
internal class PreviewSettings : WatchSettings
{
    [CommandOption("--port <PORT>")]
    [Description("port of the preview server on 127.0.0.1, 1024 to 65535 (default: a free port)")]
    public string? PortText { get; init; }

    /// <summary>The port asked for; 0 = any free port.</summary>
    public int Port => Number(PortText) ?? 0;

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful) return common;
        return PortText is { } p && Number(p) is not (>= 1024 and <= 65535)
            ? ValidationResult.Error($"--port expects a number from 1024 to 65535, found '{Echo.Clip(p)}'")
            : ValidationResult.Success();
    }

    /// <summary>Whether the browser preview runs (always for `preview`; `watch` only with --serve).</summary>
    public virtual bool Serving => true;

    /// <summary>When serving: page previews at screen resolution with their source maps (page-NN.json), for the browser.</summary>
    public override BuildRequest Request(long? sourceDateEpoch)
    {
        var request = base.Request(sourceDateEpoch);
        return Serving ? request with { Settings = request.Settings with { PreviewDpi = Preview.PreviewServer.Dpi, PreviewMaps = true } } : request;
    }
}

/// <summary>watch: as preview, but the browser page only with --serve.</summary>
internal sealed class WatchServeSettings : PreviewSettings
{
    [CommandOption("--serve")]
    [Description("also serve the live preview in the browser (what `aiindex preview` does)")]
    public bool Serve { get; init; }

    public override bool Serving => Serve;

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful) return common;
        return PortText is not null && !Serve ? ValidationResult.Error("--port goes with --serve (or use `aiindex preview`)") : ValidationResult.Success();
    }
}

/// <summary>build: which briefs, which slice, how.</summary>
internal sealed class BuildSettingsOptions : WatchSettings
{
    [CommandOption("--shard <K/N>")]
    [Description("build the k-th of n deterministic slices of the brief list (CI matrices)")]
    public string? Shard { get; init; }

    [CommandOption("--force")]
    [Description("rebuild even when the inputs did not change")]
    public bool Force { get; init; }

    [CommandOption("--previews")]
    [Description("also write PNG previews of every page")]
    public bool Previews { get; init; }

    [CommandOption("--dump-layout")]
    [Description("also write output/<edition>/<brief>.layout.txt: the composed element tree as text (styles, texts, order)")]
    public bool DumpLayout { get; init; }

    [CommandOption("--provenance")]
    [Description("also write output/<edition>/<brief>.provenance.md: how each printed value is computed and the data rows it comes from")]
    public bool Provenance { get; init; }

    [CommandOption("--timings")]
    [Description("print per-stage timings")]
    public bool Timings { get; init; }

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful) return common;
        return Shard is { } s && !Pipeline.Shard.TryParse(s, out _, out var error) ? ValidationResult.Error(error) : ValidationResult.Success();
    }

    public override BuildRequest Request(long? sourceDateEpoch) => base.Request(sourceDateEpoch) with
    {
        Shard = Shard is { } s && Pipeline.Shard.TryParse(s, out var shard, out _) ? shard : Pipeline.Shard.All,
        Settings = new BuildSettings { Force = Force, Previews = Previews, DumpLayout = DumpLayout, Provenance = Provenance, PdfStandard = PdfStandard, SourceDateEpoch = sourceDateEpoch, Strict = Strict },
    };
}

/// <summary>new-edition: the year of the new edition.</summary>
internal sealed class NewEditionSettings : GlobalSettings
{
    [CommandArgument(0, "<YEAR>")]
    [Description("the AI Index edition to add, e.g. 2026 (it measures the year before)")]
    public string YearText { get; init; } = "";

    public int? Year => YearText is { Length: 4 } && YearText.All(char.IsAsciiDigit) ? int.Parse(YearText, System.Globalization.CultureInfo.InvariantCulture) : null;

    public override ValidationResult Validate() =>
        Year is not (>= BriefManifest.MinYear and <= BriefManifest.MaxYear)
            ? ValidationResult.Error($"new-edition expects a year such as 2026, found '{Echo.Clip(YearText)}'")
            : ValidationResult.Success();
}

/// <summary>help: the command to explain, if any.</summary>
internal sealed class HelpSettings : CommandSettings
{
    [CommandArgument(0, "[COMMAND]")]
    [Description("build, check, metrics, watch, preview, new-edition or coverage")]
    public string? Command { get; init; }
}
