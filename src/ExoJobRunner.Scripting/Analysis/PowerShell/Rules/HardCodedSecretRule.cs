using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>
/// EXO0002: <c>ConvertTo-SecureString 'p@ss' -AsPlainText</c>, <c>$password = '…'</c>, <c>-Password '…'</c>,
/// <c>@{ ClientSecret = '…' }</c> and PEM private keys written into the body. Messages never repeat the literal.
/// </summary>
internal sealed class HardCodedSecretRule : PowerShellRule
{
    private const string Advice =
        "a secret in a job body ends up in git, in CI logs and on every machine that clones the folder; read it when the job runs "
        + "($env:NAME, or Get-Content on a file outside the repository) or use a certificate";

    public HardCodedSecretRule()
        : base(RuleCatalog.HardCodedSecret)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var nodes = script.FindAll(
            node => node is CommandAst or AssignmentStatementAst or HashtableAst or StringConstantExpressionAst or ExpandableStringExpressionAst,
            searchNestedScriptBlocks: true);
        foreach (var node in nodes)
        {
            var findings = node switch
            {
                CommandAst command => InCommand(command),
                AssignmentStatementAst assignment => InAssignment(assignment),
                HashtableAst table => InHashtable(table),
                StringConstantExpressionAst literal => PrivateKey(literal, literal.Value),
                ExpandableStringExpressionAst expandable => PrivateKey(expandable, expandable.Value),
                _ => [],
            };
            foreach (var finding in findings)
            {
                yield return finding;
            }
        }
    }

    private IEnumerable<PowerShellFinding> InCommand(CommandAst command)
    {
        if (string.Equals(CommandSyntax.NameOf(command), "ConvertTo-SecureString", StringComparison.OrdinalIgnoreCase)
            && CommandSyntax.Parameter(command, "AsPlainText", shortestPrefix: 3) is not null
            && PlainText(command) is { } plainText)
        {
            yield return Finding(plainText, "ConvertTo-SecureString -AsPlainText on a literal writes the password itself into the body: " + Advice);
        }

        foreach (var parameter in command.CommandElements.OfType<CommandParameterAst>().Where(parameter => SecretNames.IsSecretLike(parameter.ParameterName)))
        {
            var value = CommandSyntax.ArgumentOf(command, parameter);
            if (CommandSyntax.LiteralText(value) is not null)
            {
                yield return Finding(value!, $"-{parameter.ParameterName} is given a literal value: " + Advice);
            }
        }
    }

    /// <summary>The literal given to <c>-String</c>, or the first positional argument (which binds to it).</summary>
    private static Ast? PlainText(CommandAst command)
    {
        var elements = command.CommandElements;
        for (var index = 1; index < elements.Count; index++)
        {
            if (elements[index] is not CommandParameterAst parameter)
            {
                return CommandSyntax.LiteralText(elements[index]) is not null ? elements[index] : null;
            }

            var bindsString = "String".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase);
            var value = CommandSyntax.ArgumentOf(command, parameter);
            if (bindsString)
            {
                return CommandSyntax.LiteralText(value) is not null ? value : null;
            }

            // -Key and -SecureKey take a value; the switches (-AsPlainText, -Force) do not.
            if (parameter.Argument is null && ("Key".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase)
                || "SecureKey".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase)))
            {
                index++;
            }
        }

        return null;
    }

    private IEnumerable<PowerShellFinding> InAssignment(AssignmentStatementAst assignment)
    {
        var target = assignment.Left is ConvertExpressionAst { Child: var child } ? child : assignment.Left;
        if (target is VariableExpressionAst variable
            && SecretNames.IsSecretLike(variable.VariablePath.UserPath)
            && CommandSyntax.LiteralText(assignment.Right) is not null)
        {
            yield return Finding(assignment.Right, $"the variable ${variable.VariablePath.UserPath} is given a literal value: " + Advice);
        }
    }

    /// <summary>A hashtable is how parameters are splatted (<c>@{ Password = '…' }</c>).</summary>
    private IEnumerable<PowerShellFinding> InHashtable(HashtableAst table)
    {
        foreach (var (key, value) in table.KeyValuePairs)
        {
            if (key is StringConstantExpressionAst { Value: var name } && SecretNames.IsSecretLike(name) && CommandSyntax.LiteralText(value) is not null)
            {
                yield return Finding(value, $"the entry '{name}' is given a literal value: " + Advice);
            }
        }
    }

    private IEnumerable<PowerShellFinding> PrivateKey(Ast literal, string text)
    {
        if (SecretNames.ContainsPrivateKey(text))
        {
            yield return Finding(literal, "a private key is written into the body: " + Advice);
        }
    }
}
