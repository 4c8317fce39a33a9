#load "lib/bad-helper.csx"

Log.LogInformation(Helper.Name);
