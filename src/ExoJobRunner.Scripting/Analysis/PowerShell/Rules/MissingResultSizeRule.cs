using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>
/// EXO0009: <c>Get-Mailbox</c> and the other paged reads without <c>-ResultSize</c>: Exchange returns the first 1000
/// objects and only warns about the rest.
/// </summary>
/// <remarks>
/// Reads of one object are not flagged: <c>-Identity</c>, a positional identity (<c>Get-Mailbox admin@contoso.com</c>)
/// or identities piped in. Neither is a splatted call (<c>Get-Mailbox @query</c>), whose hashtable may hold the size.
/// </remarks>
internal sealed class MissingResultSizeRule : PowerShellRule
{
    public MissingResultSizeRule()
        : base(RuleCatalog.MissingResultSize)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var command in script.FindAll(node => node is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
        {
            if (CommandSyntax.NameOf(command) is { } name && ExchangeCmdlets.Paged.Contains(name) && !IsBounded(command))
            {
                yield return Finding(
                    command,
                    $"{name} returns at most 1000 objects unless told otherwise, and leaves the rest out with only a warning; "
                    + $"add -ResultSize Unlimited (or the number you mean): {name} -ResultSize Unlimited");
            }
        }
    }

    private static bool IsBounded(CommandAst command)
    {
        if (CommandSyntax.ReceivesPipelineInput(command))
        {
            return true;
        }

        var elements = command.CommandElements;
        var positionalIdentity = elements.Count > 1 && elements[1] is not CommandParameterAst;
        var splatted = elements.Skip(1).Any(element => element is VariableExpressionAst { Splatted: true });
        return positionalIdentity
            || splatted
            || ExchangeCmdlets.BoundingParameters.Any(parameter => CommandSyntax.Parameter(command, parameter, shortestPrefix: 3) is not null);
    }
}
