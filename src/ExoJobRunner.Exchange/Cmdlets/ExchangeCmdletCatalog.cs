namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>Lookup over the generated list of the manifest's cmdlets.</summary>
public static partial class ExchangeCmdletCatalog
{
    /// <summary>The cmdlet of that name (names ignore case, as PowerShell's do), or null when the manifest lacks it.</summary>
    public static ExchangeCmdletDescriptor? Find(string cmdletName) =>
        Cmdlets.FirstOrDefault(cmdlet => string.Equals(cmdlet.Name, cmdletName, StringComparison.OrdinalIgnoreCase));
}
