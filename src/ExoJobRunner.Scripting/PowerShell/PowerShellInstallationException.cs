namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// The PowerShell that ships inside exojobs cannot run bodies: cmdlets of its built-in modules do not resolve, which
/// happens when the modules are not where <c>$PSHOME</c> says (a copied or hand-assembled installation). Nothing a job
/// does can cause or fix it; reinstalling exojobs does.
/// </summary>
internal sealed class PowerShellInstallationException : Exception
{
    public PowerShellInstallationException(IReadOnlyList<string> missingCmdlets, string psHome)
        : base(Describe(missingCmdlets, psHome))
    {
        MissingCmdlets = missingCmdlets;
        PSHome = psHome;
    }

    /// <summary>The core cmdlets that did not resolve.</summary>
    public IReadOnlyList<string> MissingCmdlets { get; }

    /// <summary>PowerShell's installation folder in this process: its built-in modules belong in its <c>Modules</c> folder.</summary>
    public string PSHome { get; }

    private static string Describe(IReadOnlyList<string> missingCmdlets, string psHome)
    {
        var modules = Path.Combine(psHome, "Modules");
        var where = Directory.Exists(modules)
            ? $"the built-in modules in {modules} do not provide them"
            : $"{modules} does not exist";
        return $"this installation of exojobs is broken: PowerShell's built-in cmdlets {string.Join(", ", missingCmdlets)} are not recognized ({where}). "
            + "Reinstall exojobs as the README's Install section says (dotnet publish or dotnet tool install) rather than copying its files; 'exojobs doctor' checks the PowerShell host.";
    }
}
