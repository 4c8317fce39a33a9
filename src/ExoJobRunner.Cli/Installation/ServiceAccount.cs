using System.Diagnostics;

namespace ExoJobRunner.Cli.Installation;

/// <summary>
/// The account a system service runs as, and the folders it must be able to write before it starts (under
/// <c>ProtectSystem=strict</c> the service cannot create them itself).
/// </summary>
internal static class ServiceAccount
{
    /// <summary>
    /// Who ran the command: under <c>sudo</c> the account that ran sudo (<c>SUDO_USER</c>), not root. Null when that
    /// is root itself, which is never assumed: the caller must name it.
    /// </summary>
    public static string? Default()
    {
        var sudoUser = Environment.GetEnvironmentVariable("SUDO_USER");
        if (!string.IsNullOrWhiteSpace(sudoUser) && sudoUser != "root")
        {
            return sudoUser;
        }

        return Environment.IsPrivilegedProcess ? null : Environment.UserName;
    }

    /// <summary>
    /// Creates the folders that do not exist yet. Created as root for another account, they are handed to it
    /// (<c>chown -R account:</c>), since the service could not write into a folder root owns.
    /// </summary>
    public static void CreateFolders(IReadOnlyList<string> folders, string account, TextWriter output)
    {
        foreach (var folder in folders)
        {
            var topmostMissing = TopmostMissing(folder);
            if (topmostMissing is null)
            {
                continue;
            }

            Directory.CreateDirectory(folder);
            output.WriteLine($"Created {folder}.");
            if (Environment.IsPrivilegedProcess && account != "root" && !OperatingSystem.IsWindows())
            {
                GiveTo(topmostMissing, account);
            }
        }
    }

    private static string? TopmostMissing(string folder)
    {
        string? topmost = null;
        for (var current = folder; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            topmost = current;
        }

        return topmost;
    }

    private static void GiveTo(string folder, string account)
    {
        var startInfo = new ProcessStartInfo("chown") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-R", account + ":", "--", folder })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var chown = Process.Start(startInfo) ?? throw new IOException($"chown did not start for {folder}");
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new IOException($"chown -R {account}: {folder} failed: {error.Trim()}");
        }
    }
}
