using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console.Cli;

namespace AiIndexReports.Cli;

/// <summary>
/// The managed heap of one command run. A build runs for a tenth of a second and allocates about 40 MB, a third of it
/// still alive when the GC's first budget (16 MB here) runs out: that one collection copied the loaded data and
/// metrics for 7–14 ms. So a command that runs once gets its first <see cref="NoCollectionBytes"/> without a collection;
/// one that allocates more (many briefs) gets a collection then and the usual GC from there on. And the fresh
/// memory comes in 2 MB pages where Linux offers them on request (transparent huge pages in "madvise" mode): one
/// fault per 2 MB instead of 512. Measured on the native build: full brief 105 → 81 ms wall, CPU 134 → 108 ms, peak RSS
/// 78 → 89 MB (README, Performance).
/// </summary>
internal static class RunHeap
{
    /// <summary>A one-brief build allocates ~40 MB (~56 MB when it also makes the edition's PNG and SVG figures); all
    /// four briefs of two editions ~73 MB. At 48 MB the all-briefs build collected at a bad moment and took 30% longer.</summary>
    public const long NoCollectionBytes = 64L << 20;

    /// <summary>
    /// Starts the run heap for the commands that run once and exit, once their settings are parsed. Not for watch and
    /// preview: they rebuild for hours, and `watch` held 156–160 MB resident over 25 rebuilds with it, 117–124 MB without.
    /// Nor when another program calls <c>Main</c> (the tests' in-process runs): its heap is not ours to set.
    /// </summary>
    public sealed class OneShotCommands : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings)
        {
            if (settings is not PreviewSettings && System.Reflection.Assembly.GetEntryAssembly() == typeof(RunHeap).Assembly) Start();
        }
    }

    private static void Start()
    {
        if (OperatingSystem.IsLinux()) AskForHugePages();
        try
        {
            // Without a full blocking collection first (the GC only sets the allocation budget): after the argument
            // parsing that collection took 1.2 ms.
            GC.TryStartNoGCRegion(NoCollectionBytes, disallowFullBlockingGC: true);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A heap limit below the size (a small container): the usual GC, nothing else changes.
        }
    }

    private const int MadvHugePage = 14;   // linux/mman.h

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);

    /// <summary>
    /// Marks the GC's address range (the run of anonymous mappings that holds the heap: what it reserved at start,
    /// committed or not) for huge pages. Advice only: where the kernel has none to give, memory comes as before.
    /// </summary>
    private static void AskForHugePages()
    {
        try
        {
            // "start-end perms offset dev inode [path]": anonymous mappings have inode 0 and no path.
            var mappings = File.ReadLines("/proc/self/maps").Select(line =>
            {
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                var range = fields[0].Split('-');
                return (From: long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        To: long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        Anonymous: fields.Length == 5 && fields[4] == "0");
            }).ToList();
            var heap = HeapAddress();
            var at = mappings.FindIndex(m => m.From <= heap && heap < m.To);
            if (at < 0 || !mappings[at].Anonymous) return;
            var (first, last) = (at, at);
            while (first > 0 && mappings[first - 1].Anonymous && mappings[first - 1].To == mappings[first].From) first--;
            while (last + 1 < mappings.Count && mappings[last + 1].Anonymous && mappings[last + 1].From == mappings[last].To) last++;
            Madvise((nint)mappings[first].From, (nuint)(mappings[last].To - mappings[first].From), MadvHugePage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
                                      or DllNotFoundException or EntryPointNotFoundException)
        {
            // No /proc, or no C library to ask: small pages, as always.
        }
    }

    /// <summary>Where the GC keeps objects: the address of one (on the pinned heap, so it cannot move).</summary>
    private static long HeapAddress() => Marshal.UnsafeAddrOfPinnedArrayElement(GC.AllocateUninitializedArray<byte>(1, pinned: true), 0);
}
