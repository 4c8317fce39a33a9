using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>One line of Get-MailboxPermission: the mailbox and one of its entries.</summary>
internal sealed record MailboxPermissionRow(Recipient Mailbox, MailboxPermissionEntry Entry);
