// A helper path that leaves the folder: refused by its path, never read.
#load "../../../../../../../../etc/passwd"
Log.LogInformation("unreachable");
