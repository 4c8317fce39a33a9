namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// The PowerShell that ships inside exojobs cannot run bodies: cmdlets of its built-in modules do not resolve, which
/// happens when the modules are not where <c>$PSHOME</c> says (a copied or hand-assembled installation). Nothing a job
/// does can cause or fix it; reinstalling exojobs does.
/// </summary>
internal sealed class PowerShellInstallationException : Exception
{
    public const string Fix =
        "Reinstall exojobs as the README's Install section says (dotnet publish, or dotnet pack and dotnet tool install), and move or copy the whole installation folder, never single files.";

    public PowerShellInstallationException(IReadOnlyList<string> missingCmdlets, string psHome)
        : base($"this installation of exojobs is broken: {Describe(missingCmdlets, psHome)} {Fix} 'exojobs doctor' checks the PowerShell host.")
    {
        MissingCmdlets = missingCmdlets;
        Cause = Describe(missingCmdlets, psHome);
    }

    /// <summary>The core cmdlets that did not resolve.</summary>
    public IReadOnlyList<string> MissingCmdlets { get; }

    /// <summary>What is missing and where PowerShell looked for it.</summary>
    public string Cause { get; }

    private static string Describe(IReadOnlyList<string> missingCmdlets, string psHome)
    {
        var modules = Path.Combine(psHome, "Modules");
        var where = Directory.Exists(modules)
            ? $"the built-in modules in {modules} do not provide them"
            : $"PowerShell looks for its built-in modules in {modules}, which does not exist";
        return $"PowerShell's built-in cmdlets {string.Join(", ", missingCmdlets)} are not recognized ({where}).";
    }
}
