using ExoJobRunner.Sandbox.Cmdlets.Binding;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>What a cmdlet returns: its objects and the warnings the REST endpoint lists in <c>@adminapi.warnings</c>.</summary>
internal sealed record CmdletOutput(IRecordSet Records, IReadOnlyList<string> Warnings)
{
    public static CmdletOutput Of<T>(IReadOnlyList<T> items, IReadOnlyList<Output.OutputProperty<T>> properties, params IReadOnlyList<string> warnings) =>
        new(new RecordSet<T>(items, properties, null, ResultSize.Unlimited), warnings);

    /// <summary>A write that returns no object (Set-Mailbox, Remove-MailboxPermission…).</summary>
    public static CmdletOutput Nothing(params IReadOnlyList<string> warnings) =>
        new(new RecordSet<string>([], [], null, ResultSize.Unlimited), warnings);
}
