$text = "Hello, $($Parameters.who)!"
Write-Output $text
Write-Warning "this is a warning from $($Job.Name)"
Set-Content -Path (Join-Path $Job.OutputDirectory 'greeting.txt') -Value $text
