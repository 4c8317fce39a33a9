using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>A mailbox with its automatic-reply settings: what Get-MailboxAutoReplyConfiguration returns.</summary>
internal sealed record AutoReplyRow(Recipient Mailbox, AutoReplyConfiguration Configuration);
