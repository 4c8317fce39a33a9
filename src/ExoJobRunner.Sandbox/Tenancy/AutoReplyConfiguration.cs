namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>A mailbox's automatic-reply (out of office) settings; every mailbox starts disabled.</summary>
internal sealed class AutoReplyConfiguration
{
    public AutoReplyState State { get; set; } = AutoReplyState.Disabled;

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset EndTime { get; set; }

    public string InternalMessage { get; set; } = string.Empty;

    public string ExternalMessage { get; set; } = string.Empty;

    public ExternalAudience ExternalAudience { get; set; } = ExternalAudience.All;

    /// <summary>The mailbox's settings, created at their defaults the first time they are needed.</summary>
    public static AutoReplyConfiguration Of(Recipient mailbox) => mailbox.AutoReply ??= Default(mailbox);

    /// <summary>The settings a mailbox has before anyone changes them: disabled, with a one-day window from its creation.</summary>
    public static AutoReplyConfiguration Default(Recipient mailbox)
    {
        var start = new DateTimeOffset(mailbox.WhenCreated.Date, TimeSpan.Zero).AddHours(mailbox.WhenCreated.Hour + 1);
        return new AutoReplyConfiguration { StartTime = start, EndTime = start.AddDays(1) };
    }
}
