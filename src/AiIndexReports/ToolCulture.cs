using System.Globalization;

namespace AiIndexReports;

/// <summary>
/// The tool writes every date and number in the invariant culture (Gregorian calendar, '.' decimals, ASCII digits),
/// whatever the process locale: under th_TH a PDF date would otherwise read D:2568…, under fa_IR the Persian calendar,
/// and culture-aware sorting or formatting in any library could differ from machine to machine.
/// </summary>
public static class ToolCulture
{
    /// <summary>For the whole process and every thread it starts (the command line calls this first).</summary>
    public static void UseForProcess()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>For the current thread until disposed: the stages' entry points run inside one, whoever hosts them.</summary>
    public static IDisposable OnThisThread() => new Scope();

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

        public Scope()
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
