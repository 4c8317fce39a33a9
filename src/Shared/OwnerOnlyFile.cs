using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace ExoJobRunner.Shared;

/// <summary>
/// Creates files that only the current user can read or write, from the moment they exist: setting permissions after
/// writing would leave a window in which another account could open the file and keep its handle.
/// </summary>
internal static class OwnerOnlyFile
{
    /// <summary>A new, empty file open for writing; fails if <paramref name="path"/> exists.</summary>
    public static FileStream CreateNew(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return CreateNewOnWindows(path);
        }

        // The mode is given to open(2), so the process umask can only narrow it further.
        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    /// <summary>
    /// The file gets a protected ACL (nothing inherited from the folder) with one entry: full control for the current
    /// user. Administrators can still take ownership, as they can of any file.
    /// </summary>
    [SupportedOSPlatform("windows")]
    private static FileStream CreateNewOnWindows(string path)
    {
        using var identity = WindowsIdentity.GetCurrent();
        var user = identity.User ?? throw new IOException($"Cannot create {path} for the current user only: the account has no security identifier.");
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.AddAccessRule(new FileSystemAccessRule(user, FileSystemRights.FullControl, AccessControlType.Allow));
        return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write, FileShare.None, bufferSize: 4096, FileOptions.None, security);
    }
}
