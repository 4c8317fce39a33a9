using Microsoft.CodeAnalysis.CSharp.Scripting;

if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: NaiveScriptRunner <script.csx>");
    return 2;
}

await CSharpScript.EvaluateAsync(await File.ReadAllTextAsync(args[0]));
return 0;
