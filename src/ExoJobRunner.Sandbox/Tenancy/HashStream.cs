namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>Independent hash streams, so that adding one generated attribute never shifts the values of another.</summary>
internal enum HashStream
{
    MailboxKind = 1,
    Traits = 2,
    NameShuffle = 3,
    ObjectIds = 4,
    GroupMembers = 5,
    MailboxDelegates = 6,
    Faults = 7,
}
