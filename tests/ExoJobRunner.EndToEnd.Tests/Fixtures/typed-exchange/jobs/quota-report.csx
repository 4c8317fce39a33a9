// Lists mailboxes near their quota.
await foreach (var mailbox in Exo.GetMailbox(resultSize: ResultSize.Unlimited, recipientTypeDetail: ["UserMailbox"]))
{
    Log.LogInformation("{Name} {Quota}", mailbox.DisplayName, mailbox.ProhibitSendQuota);
}
