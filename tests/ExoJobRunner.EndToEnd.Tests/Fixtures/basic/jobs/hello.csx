#load "lib/greeting.csx"

var text = Greeting.For(Job.Parameters["who"]);
Log.LogInformation("{Greeting} from run {RunId}", text, Job.RunId);
File.WriteAllText(Path.Combine(Job.OutputDirectory, "greeting.txt"), text);
