Write-Output 'before'
. /etc/passwd
