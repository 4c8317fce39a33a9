namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>How each <see cref="RecipientKind"/> groups into the broader categories cmdlets select on.</summary>
internal static class RecipientKinds
{
    public static bool IsMailbox(this RecipientKind kind) =>
        kind is RecipientKind.UserMailbox or RecipientKind.SharedMailbox or RecipientKind.RoomMailbox or RecipientKind.EquipmentMailbox;

    public static bool IsMailUser(this RecipientKind kind) => kind is RecipientKind.MailUser or RecipientKind.GuestMailUser;

    /// <summary>Objects that are users in the directory: what <c>Get-User</c> lists and what can hold a permission.</summary>
    public static bool IsUser(this RecipientKind kind) => kind.IsMailbox() || kind.IsMailUser();

    /// <summary>
    /// The coarser <c>RecipientType</c> value: every mailbox (shared and room included) is a <c>UserMailbox</c>, guests are
    /// <c>MailUser</c>s and Microsoft 365 groups are <c>MailUniversalDistributionGroup</c>s.
    /// </summary>
    public static string RecipientType(this RecipientKind kind) => kind switch
    {
        RecipientKind.MailUser or RecipientKind.GuestMailUser => "MailUser",
        RecipientKind.MailUniversalDistributionGroup or RecipientKind.GroupMailbox => "MailUniversalDistributionGroup",
        _ => "UserMailbox",
    };
}
