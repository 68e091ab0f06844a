using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AiIndexReports.Config;

/// <summary>What a path is on disk (links followed). Only <see cref="RegularFile"/> is ever opened as an input.</summary>
public enum EntryKind { Missing, RegularFile, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other }

/// <summary>
/// The status of a file (links followed): its kind, size, modification time and status-change time (ctime, which no
/// program can set back: a restored modification time still moves it). .NET reports a named pipe or a device as an
/// ordinary file of length 0 and has no ctime, so on Linux this asks the kernel with statx(2), whose structure is the
/// same on every architecture; elsewhere it falls back to what .NET knows (no pipes or ctime there).
/// </summary>
public readonly record struct FileStatus(EntryKind Kind, long Length, DateTime LastWriteUtc, long ChangeTicks)
{
    public bool IsRegularFile => Kind == EntryKind.RegularFile;

    /// <summary>How a message names the kind: "a named pipe (FIFO)", "a folder"…</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Missing => "missing",
        EntryKind.RegularFile => "a regular file",
        EntryKind.Directory => "a folder",
        EntryKind.Fifo => "a named pipe (FIFO)",
        EntryKind.CharacterDevice => "a character device",
        EntryKind.BlockDevice => "a block device",
        EntryKind.Socket => "a socket",
        _ => "not a regular file",
    };

    public static FileStatus Of(string path)
    {
        if (OperatingSystem.IsLinux() && s_statx)
        {
            try
            {
                if (Linux(path) is { } status) return status;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                s_statx = false;   // a C library without statx (glibc < 2.28): what .NET knows
            }
        }
        return Managed(path);
    }

    private static bool s_statx = true;

    private static FileStatus Managed(string path)
    {
        if (Directory.Exists(path)) return new FileStatus(EntryKind.Directory, 0, Directory.GetLastWriteTimeUtc(path), 0);
        var info = new FileInfo(path);
        return info.Exists ? new FileStatus(EntryKind.RegularFile, info.Length, info.LastWriteTimeUtc, 0) : default;
    }

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2, ENOTDIR = 20;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    /// <returns>the status, or null when statx failed for another reason than a missing path</returns>
    private static FileStatus? Linux(string path)
    {
        var buffer = new byte[256];   // struct statx (linux/stat.h): fixed layout, little-endian here
        if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            return Marshal.GetLastPInvokeError() is ENOENT or ENOTDIR ? default(FileStatus) : null;
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40));
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.RegularFile,
            0x4000 => EntryKind.Directory,
            0x1000 => EntryKind.Fifo,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Other,
        };
        return new FileStatus(kind, size, Timestamp(buffer, 112), Timestamp(buffer, 96).Ticks);
    }

    /// <summary>A struct statx_timestamp: seconds (s64) and nanoseconds (u32) since 1970, UTC.</summary>
    private static DateTime Timestamp(byte[] buffer, int offset)
    {
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(offset));
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 8));
        var ticks = Math.Clamp(seconds, -62135596800L, 253402300799L) * TimeSpan.TicksPerSecond + nanoseconds / 100;
        return DateTime.UnixEpoch.AddTicks(ticks);
    }
}
