using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>Reading a command's parameters and arguments the way PowerShell binds them, as far as the syntax shows it.</summary>
internal static class CommandSyntax
{
    /// <summary>
    /// The parameter of <paramref name="command"/> that binds to <paramref name="name"/>: its full name or an
    /// unambiguous prefix of at least <paramref name="shortestPrefix"/> letters (PowerShell accepts <c>-Result</c> for <c>-ResultSize</c>).
    /// </summary>
    public static CommandParameterAst? Parameter(CommandAst command, string name, int shortestPrefix)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.CommandElements
            .OfType<CommandParameterAst>()
            .FirstOrDefault(parameter =>
                parameter.ParameterName.Length >= Math.Min(shortestPrefix, name.Length)
                && name.StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The value given to <paramref name="parameter"/>: <c>-Name:value</c>, or the element after <c>-Name</c>.</summary>
    public static Ast? ArgumentOf(CommandAst command, CommandParameterAst parameter)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Argument is not null)
        {
            return parameter.Argument;
        }

        var index = IndexOf(command, parameter);
        var next = index + 1 < command.CommandElements.Count ? command.CommandElements[index + 1] : null;
        return next is CommandParameterAst ? null : next;
    }

    /// <summary>
    /// The literal text of <paramref name="value"/> when it is a string written in the body (<c>'…'</c>, <c>"…"</c>
    /// without variables, a here-string or a bare word), and not blank.
    /// </summary>
    public static string? LiteralText(Ast? value)
    {
        var expression = value switch
        {
            CommandExpressionAst command => command.Expression,
            PipelineAst { PipelineElements: [CommandExpressionAst only] } => only.Expression,
            _ => value,
        };
        return expression is StringConstantExpressionAst literal && !string.IsNullOrWhiteSpace(literal.Value)
            ? literal.Value
            : null;
    }

    /// <summary>The command's name without a module qualifier (<c>Get-Mailbox</c> for <c>ExchangeOnlineManagement\Get-Mailbox</c>), or null when it is computed.</summary>
    public static string? NameOf(CommandAst command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.GetCommandName();
        return name is null ? null : name[(name.LastIndexOf('\\') + 1)..];
    }

    /// <summary>
    /// True for a static call on the .NET type <paramref name="fullName"/>, however it is written: <c>[System.Threading.Thread]</c>,
    /// <c>[Threading.Thread]</c> or, after <c>using namespace System.Threading</c>, <c>[thread]</c>.
    /// </summary>
    public static bool IsStaticCallOn(InvokeMemberExpressionAst call, string fullName)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(fullName);
        if (!call.Static || call.Expression is not TypeExpressionAst type)
        {
            return false;
        }

        var written = type.TypeName.FullName;
        return string.Equals(written, fullName, StringComparison.OrdinalIgnoreCase)
            || fullName.EndsWith("." + written, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name of the member a call invokes, or null when it is computed (<c>$object.$name()</c>).</summary>
    public static string? MemberName(InvokeMemberExpressionAst call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (call.Member as StringConstantExpressionAst)?.Value;
    }

    /// <summary>True when the command receives its input from an earlier pipeline element (<c>'a@contoso.com' | Get-Mailbox</c>).</summary>
    public static bool ReceivesPipelineInput(CommandAst command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Parent is PipelineAst pipeline && pipeline.PipelineElements.IndexOf(command) > 0;
    }

    private static int IndexOf(CommandAst command, CommandElementAst element)
    {
        for (var index = 0; index < command.CommandElements.Count; index++)
        {
            if (ReferenceEquals(command.CommandElements[index], element))
            {
                return index;
            }
        }

        return -1;
    }
}
