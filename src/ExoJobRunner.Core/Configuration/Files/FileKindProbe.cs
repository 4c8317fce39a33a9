using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ExoJobRunner.Core.Configuration.Files;

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket without opening it: opening a FIFO for reading blocks until
/// a writer comes (a <c>check</c> that never ends), and a device such as /dev/zero never runs out of bytes.
/// </summary>
/// <remarks>
/// .NET reports no file type beyond "directory" on Unix, so the type bits come from <c>stat</c>. The runtime's own
/// portable wrapper (<c>SystemNative_Stat</c> in libSystem.Native, shipped with every .NET runtime on Unix) is called
/// rather than libc's, whose <c>struct stat</c> differs between architectures: its structure starts with two 32-bit
/// fields, flags and mode, with the type bits normalized to the POSIX values below on every Unix.
/// </remarks>
internal static partial class FileKindProbe
{
    private const int TypeMask = 0xF000;

    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        if (OperatingSystem.IsWindows())
        {
            return OfWindowsPath(path);
        }

        if (Stat(path, out var status) != 0)
        {
            return File.Exists(path) || Directory.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        return (status.Mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    /// <summary>How a message names a kind that is not read: "a FIFO (named pipe)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "a special file",
    };

    private static FileKind OfWindowsPath(string path)
    {
        // Windows keeps pipes and devices out of the file namespace (\\.\pipe\…, \\.\COM1); one reached anyway says so.
        if (path.StartsWith(@"\\.\", StringComparison.Ordinal))
        {
            return FileKind.CharacterDevice;
        }

        try
        {
            var attributes = File.GetAttributes(path);
            return attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
                : attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice
                : FileKind.Regular;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileKind.Missing;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out FileStatus status);

    /// <summary>The leading fields of System.Native's FileStatus; the padding leaves room for the fields after them.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public Padding Rest;
    }

    [InlineArray(32)]
    private struct Padding
    {
        private long element;
    }
}
