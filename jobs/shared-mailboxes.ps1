# The Exchange cmdlets run on the host's shared session: no Connect-ExchangeOnline here.
$shared = Get-Mailbox -ResultSize Unlimited | Where-Object RecipientTypeDetails -eq 'SharedMailbox'
$permissions = $shared | Get-MailboxPermission | Where-Object { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY*' }
$path = Join-Path $Job.OutputDirectory 'shared-mailbox-access.csv'
$permissions | Select-Object Identity, User, @{ Name = 'AccessRights'; Expression = { $_.AccessRights -join ';' } } |
    Export-Csv -Path $path -NoTypeInformation
Write-Output "$(@($shared).Count) shared mailboxes, $(@($permissions).Count) explicit permissions written to $path"
