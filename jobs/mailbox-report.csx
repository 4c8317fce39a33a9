#load "lib/csv.csx"

// Every mailbox, then its statistics: the sizes Exchange reports, as a CSV an admin can open in Excel.
var path = Path.Combine(Job.OutputDirectory, Job.Parameters["fileName"]);
var count = 0;
using (var csv = new CsvWriter(path, "DisplayName", "UserPrincipalName", "RecipientTypeDetails", "ItemCount", "TotalItemSize"))
{
    await foreach (var mailbox in Exo.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }, CancellationToken))
    {
        var upn = mailbox.Get<string>("UserPrincipalName");
        await foreach (var statistics in Exo.InvokeAsync("Get-MailboxStatistics", new { Identity = upn }, CancellationToken))
        {
            csv.Row(
                mailbox.Get<string>("DisplayName"),
                upn,
                mailbox.Get<string>("RecipientTypeDetails"),
                statistics.Get<long>("ItemCount").ToString(System.Globalization.CultureInfo.InvariantCulture),
                statistics.Get<string>("TotalItemSize"));
        }

        count++;
    }
}

Log.LogInformation("Wrote {Count} mailboxes to {Path}", count, path);
