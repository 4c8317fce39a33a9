using System.Diagnostics;
using System.Globalization;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A small tmpfs mounted over a folder of a test's workspace, which the test can fill up, free and make read-only, as
/// a real disk does. Mounting needs root (CI runs as root); without it the test fails saying so.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private readonly string _filler;

    private SmallFileSystem(string mountPoint)
    {
        MountPoint = mountPoint;
        _filler = Path.Combine(mountPoint, "filler.bin");
    }

    public string MountPoint { get; }

    public static SmallFileSystem Mount(string mountPoint, int sizeKilobytes)
    {
        Directory.CreateDirectory(mountPoint);
        Run("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={sizeKilobytes}k"), "tmpfs", mountPoint);
        return new SmallFileSystem(mountPoint);
    }

    /// <summary>Writes a file until the file system has no byte left.</summary>
    public void Fill()
    {
        using var filler = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var chunk in new[] { 1 << 20, 64 << 10, 4 << 10, 512, 1 })
        {
            var bytes = new byte[chunk];
            try
            {
                while (true)
                {
                    filler.Write(bytes);
                }
            }
            catch (IOException)
            {
                // Full at this chunk size: try smaller ones until not a byte fits.
            }
        }
    }

    public void Free() => File.Delete(_filler);

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", MountPoint);

    public void Dispose() => Run("umount", "--lazy", MountPoint);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({error.Trim()}): these tests mount a small tmpfs and need root, as CI has.");
        }
    }
}
