namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>The kinds of recipient the sandbox tenant holds, named exactly as Exchange's <c>RecipientTypeDetails</c> values.</summary>
internal enum RecipientKind
{
    UserMailbox,
    SharedMailbox,
    RoomMailbox,
    EquipmentMailbox,
    MailUser,
    GuestMailUser,
    MailUniversalDistributionGroup,
    GroupMailbox,
}
