using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>
/// EXO0001: <c>Read-Host</c>, <c>Get-Credential</c>, <c>$Host.UI</c> prompts and <c>[Console]::ReadLine()</c>, which need
/// someone at a keyboard. exojobs runs PowerShell without a console, so the run fails at that line.
/// </summary>
internal sealed class InteractiveInputRule : PowerShellRule
{
    private const string ParameterAdvice = "take the value from a job parameter instead ($Parameters['name'], set under parameters: or with --param name=value)";

    private static readonly HashSet<string> PromptingMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Prompt", "PromptForChoice", "PromptForCredential", "Read", "ReadKey", "ReadLine", "ReadLineAsSecureString",
    };

    public InteractiveInputRule()
        : base(RuleCatalog.InteractiveInput)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var node in script.FindAll(node => node is CommandAst or InvokeMemberExpressionAst, searchNestedScriptBlocks: true))
        {
            var message = node switch
            {
                CommandAst command when string.Equals(CommandSyntax.NameOf(command), "Read-Host", StringComparison.OrdinalIgnoreCase) =>
                    "Read-Host asks for keyboard input and a scheduled run has nobody to answer: exojobs runs PowerShell without a console, "
                    + "so the job fails here; " + ParameterAdvice,
                CommandAst command when string.Equals(CommandSyntax.NameOf(command), "Get-Credential", StringComparison.OrdinalIgnoreCase) =>
                    "Get-Credential prompts for a user name and password that nobody is there to type, so the job fails here; "
                    + "the Exchange cmdlets need no credential (exojobs connects with the profile's certificate), and for another system "
                    + "read the secret when the job runs (an environment variable, or a file outside the repository)",
                InvokeMemberExpressionAst call when ReadsTheConsole(call) =>
                    $"{call.Expression.Extent.Text}{(call.Static ? "::" : ".")}{call.Member.Extent.Text}() waits for keyboard input that a "
                    + "scheduled run never gets; " + ParameterAdvice,
                _ => null,
            };
            if (message is not null)
            {
                yield return Finding(node, message);
            }
        }
    }

    private static bool ReadsTheConsole(InvokeMemberExpressionAst call)
    {
        if (CommandSyntax.MemberName(call) is not { } member || !PromptingMembers.Contains(member))
        {
            return false;
        }

        return call.Static
            ? CommandSyntax.IsStaticCallOn(call, "System.Console")
            : call.Expression.Extent.Text.StartsWith("$host", StringComparison.OrdinalIgnoreCase);
    }
}
