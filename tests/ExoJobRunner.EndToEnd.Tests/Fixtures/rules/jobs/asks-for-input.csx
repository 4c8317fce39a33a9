#load "lib/prompt.csx"

var region = AskRegion();
File.WriteAllText(Path.Combine(Job.OutputDirectory, "ran.txt"), region);
