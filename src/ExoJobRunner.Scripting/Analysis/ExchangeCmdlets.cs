namespace ExoJobRunner.Scripting.Analysis;

/// <summary>What the rules know about Exchange Online cmdlets.</summary>
internal static class ExchangeCmdlets
{
    /// <summary>Cmdlets that open or close a session: the host owns the session, so a body must not.</summary>
    public static readonly IReadOnlySet<string> SessionManagement = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Connect-ExchangeOnline",
        "Disconnect-ExchangeOnline",
        "Connect-IPPSSession",
    };

    /// <summary>
    /// Reads that stop after 1000 objects unless given <c>-ResultSize</c>: Exchange returns the first 1000 and only
    /// warns that there are more, so an unattended report quietly covers part of the tenant.
    /// </summary>
    public static readonly IReadOnlySet<string> Paged = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Get-CASMailbox",
        "Get-Contact",
        "Get-DistributionGroup",
        "Get-DistributionGroupMember",
        "Get-DynamicDistributionGroup",
        "Get-EXOCASMailbox",
        "Get-EXOMailbox",
        "Get-EXOMailboxPermission",
        "Get-EXORecipient",
        "Get-EXORecipientPermission",
        "Get-Group",
        "Get-MailContact",
        "Get-MailPublicFolder",
        "Get-MailUser",
        "Get-Mailbox",
        "Get-MailboxAutoReplyConfiguration",
        "Get-MailboxPermission",
        "Get-MobileDevice",
        "Get-Recipient",
        "Get-RecipientPermission",
        "Get-UnifiedGroup",
        "Get-UnifiedGroupLinks",
        "Get-User",
    };

    /// <summary>
    /// The paged cmdlet a typed method runs: <c>Get-EXOMailbox</c> for <c>GetEXOMailbox</c> (the generator names each
    /// method after its cmdlet without the dash); null when the method's cmdlet does not page.
    /// </summary>
    public static string? PagedByMethodName(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        return Paged.FirstOrDefault(cmdlet => string.Equals(cmdlet.Replace("-", string.Empty, StringComparison.Ordinal), methodName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parameters that bound what a paged read returns: a result size, or an identity naming one object.</summary>
    public static readonly IReadOnlySet<string> BoundingParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Identity",
        "ResultSize",
    };

    /// <summary>
    /// True for a C# method that runs a cmdlet named by a string argument: <c>Exo.InvokeAsync("Get-Mailbox", …)</c>, or
    /// a PowerShell object's <c>AddCommand</c>/<c>AddScript</c>. Other methods taking a cmdlet's name (a log message)
    /// do not run it.
    /// </summary>
    public static bool RunsCmdlet(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        return methodName.StartsWith("Invoke", StringComparison.Ordinal) || methodName is "AddCommand" or "AddScript";
    }

    /// <summary>The cmdlet a command line starts with: <c>Connect-ExchangeOnline</c> in <c>"Connect-ExchangeOnline -AppId …"</c>.</summary>
    public static string FirstWord(string commandText)
    {
        ArgumentNullException.ThrowIfNull(commandText);
        var trimmed = commandText.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t', '\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
