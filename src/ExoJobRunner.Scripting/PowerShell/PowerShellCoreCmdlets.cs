using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PowerShellPipeline = System.Management.Automation.PowerShell;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Checks that a runspace can resolve the cmdlets of PowerShell's own modules before any body runs on it. Without
/// them every body fails line by line ("The term 'Write-Output' is not recognized") while the errors are only
/// non-terminating, so a broken installation must be caught here and reported as what it is.
/// </summary>
internal static class PowerShellCoreCmdlets
{
    /// <summary>
    /// One or more cmdlets of each built-in module that bodies and our own proxies rely on: Microsoft.PowerShell.Utility
    /// (output, objects, JSON, CSV; <c>Connect-ExchangeOnline</c>'s shim calls <c>Write-Warning</c>), .Management
    /// (paths and files) and .Security (credentials).
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Write-Output",
        "Write-Warning",
        "Select-Object",
        "Out-String",
        "ConvertTo-Json",
        "Export-Csv",
        "Join-Path",
        "Get-Content",
        "ConvertTo-SecureString",
    ];

    /// <summary>PowerShell's installation folder in this process: the folder of System.Management.Automation.dll.</summary>
    public static string PSHome => Path.GetDirectoryName(typeof(PSObject).Assembly.Location) ?? AppContext.BaseDirectory;

    /// <summary>The core cmdlets the runspace cannot resolve, found as a body's first use of them would find them.</summary>
    public static IReadOnlyList<string> FindMissingCmdlets(Runspace runspace)
    {
        ArgumentNullException.ThrowIfNull(runspace);
        using var pipeline = PowerShellPipeline.Create();
        pipeline.Runspace = runspace;
        pipeline.AddCommand("Get-Command")
            .AddParameter("Name", Names.ToArray())
            .AddParameter("CommandType", CommandTypes.Cmdlet)
            .AddParameter("ErrorAction", ActionPreference.Ignore);
        var found = pipeline.Invoke<CommandInfo>().Select(command => command.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Names.Where(name => !found.Contains(name))];
    }

    /// <summary>Throws <see cref="PowerShellInstallationException"/> naming what is missing, when anything is.</summary>
    public static void EnsureResolvable(Runspace runspace)
    {
        var missing = FindMissingCmdlets(runspace);
        if (missing.Count > 0)
        {
            throw new PowerShellInstallationException(missing, PSHome);
        }
    }
}
