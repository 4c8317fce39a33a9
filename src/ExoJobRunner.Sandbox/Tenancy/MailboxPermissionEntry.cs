namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>One access control entry on a mailbox, as Get-MailboxPermission lists it.</summary>
internal sealed class MailboxPermissionEntry(string user, Recipient? principal, MailboxAccessRights rights)
{
    public const string SelfUser = @"NT AUTHORITY\SELF";

    /// <summary>The trustee as Exchange prints it: a user's UPN, or a well-known principal such as <see cref="SelfUser"/>.</summary>
    public string User { get; } = user;

    /// <summary>The tenant object the entry grants to; null for well-known principals.</summary>
    public Recipient? Principal { get; } = principal;

    public MailboxAccessRights Rights { get; set; } = rights;
}
