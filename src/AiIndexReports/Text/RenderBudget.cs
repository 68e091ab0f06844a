using System.Globalization;
using AiIndexReports.Config;

namespace AiIndexReports.Text;

/// <summary>
/// The wall-clock time and the characters of output that rendering may still use, shared by every section of one brief
/// (<see cref="RenderLimits"/> from briefs.toml). Scriban checks the clock between statements and the output on every
/// write, so a runaway template stops with an error at the statement it was running.
/// </summary>
public sealed class RenderBudget : IDisposable
{
    private readonly CancellationTokenSource _clock;
    private long _outputLeft;

    public RenderBudget(RenderLimits limits)
    {
        Limits = limits;
        _clock = new CancellationTokenSource(limits.Time);
        _outputLeft = limits.OutputChars;
    }

    public RenderLimits Limits { get; }

    /// <summary>Cancelled when the time is up.</summary>
    public CancellationToken Deadline => _clock.Token;

    /// <summary>Characters the next render may still write (at least 1, so a spent budget stops at the first write).</summary>
    public int OutputLeft => (int)Math.Clamp(Interlocked.Read(ref _outputLeft), 1, int.MaxValue);

    /// <summary>Counts what a finished render wrote.</summary>
    public void Spend(int characters) => Interlocked.Add(ref _outputLeft, -characters);

    public string TimeMessage => string.Create(CultureInfo.InvariantCulture,
        $"rendering this brief's templates took longer than {Limits.Time.TotalSeconds:0.#} s, its limit (render_time_limit in templates/briefs.toml): a slow loop or regular expression?");

    public string OutputMessage => string.Create(CultureInfo.InvariantCulture,
        $"this brief's templates render more than {Limits.OutputChars:N0} characters, their limit (render_output_limit in templates/briefs.toml): a loop printing too much?");

    public void Dispose() => _clock.Dispose();
}
