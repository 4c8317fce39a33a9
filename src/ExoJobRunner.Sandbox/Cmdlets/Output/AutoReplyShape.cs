namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-MailboxAutoReplyConfiguration's output.</summary>
internal static class AutoReplyShape
{
    public static readonly OutputShape<AutoReplyRow> Shape = new(
    [
        new("Identity", a => a.Mailbox.Name),
        new("MailboxOwnerId", a => a.Mailbox.Name),
        new("AutoReplyState", a => a.Configuration.State.ToString()),
        new("StartTime", a => a.Configuration.StartTime),
        new("EndTime", a => a.Configuration.EndTime),
        new("InternalMessage", a => a.Configuration.InternalMessage),
        new("ExternalMessage", a => a.Configuration.ExternalMessage),
        new("ExternalAudience", a => a.Configuration.ExternalAudience.ToString()),
        new("AutoDeclineFutureRequestsWhenOOF", _ => false),
        new("CreateOOFEvent", _ => false),
        new("DeclineAllEventsForScheduledOOF", _ => false),
        new("DeclineEventsForScheduledOOF", _ => false),
        new("IsValid", _ => true),
    ]);
}
