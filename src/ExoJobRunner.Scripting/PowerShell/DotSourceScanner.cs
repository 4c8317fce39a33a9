using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ExoJobRunner.Core.Configuration;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Finds the scripts a PowerShell body dot-sources where the path can be read without running it:
/// <c>. ./lib/helpers.ps1</c>, <c>. 'lib/helpers.ps1'</c>, <c>. "$PSScriptRoot/lib/helpers.ps1"</c>. A path built at
/// run time (<c>. $path</c>, <c>. (Join-Path …)</c>) cannot be known here and is left alone.
/// </summary>
internal static partial class DotSourceScanner
{
    private const string ScriptRootVariable = "PSScriptRoot";

    /// <param name="code">The script.</param>
    /// <param name="filePath">The file it is read from: relative paths resolve against its folder, which a run makes the current location.</param>
    public static IReadOnlyList<BodyInclude> Scan(string code, string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);

        return MayDotSource().IsMatch(code) ? Parse(code, filePath) : [];
    }

    // Apart from Scan, and never inlined into it: the JIT loads PowerShell's assembly when it compiles a method that
    // names its types, and a script the pattern rules out must not pay for that.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<BodyInclude> Parse(string code, string filePath)
    {
        var folder = Path.GetDirectoryName(filePath) ?? Directory.GetCurrentDirectory();
        var ast = Parser.ParseInput(code, filePath, out _, out _);
        var includes = new List<BodyInclude>();
        foreach (var command in ast.FindAll(node => node is CommandAst { InvocationOperator: TokenKind.Dot }, searchNestedScriptBlocks: true).Cast<CommandAst>())
        {
            var target = command.CommandElements[0];
            if (StaticPath(target, folder) is { } written)
            {
                // PowerShell accepts either separator on every platform.
                written = written.Replace('\\', '/');
                includes.Add(new BodyInclude(Path.GetFullPath(written, folder), target.Extent.StartLineNumber, target.Extent.StartColumnNumber));
            }
        }

        return includes;
    }

    /// <summary>
    /// A '.' where a command can start (the start of a line, after a space, ';', '{', '(', '|', '&amp;', ',' or '=')
    /// followed by a space or a quote: every dot-sourcing of a written path looks like this. Configuration is loaded by
    /// every command, and PowerShell's parser costs about 40 ms to load; a script without such a '.' cannot dot-source
    /// a path that can be read without running it, and is not parsed.
    /// </summary>
    [GeneratedRegex("""(?:^|[\s;{(|&,=])\.[\s'"]""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MayDotSource();

    private static string? StaticPath(CommandElementAst target, string folder) => target switch
    {
        StringConstantExpressionAst constant => constant.Value,

        // "$PSScriptRoot/lib/x.ps1": the script root is the folder of the file; any other variable is a run-time value.
        ExpandableStringExpressionAst { NestedExpressions: [VariableExpressionAst variable] } expandable
            when variable.VariablePath.IsUnqualified
            && string.Equals(variable.VariablePath.UserPath, ScriptRootVariable, StringComparison.OrdinalIgnoreCase)
            && expandable.Value.StartsWith("$" + ScriptRootVariable, StringComparison.OrdinalIgnoreCase)
            => folder + expandable.Value[(ScriptRootVariable.Length + 1)..],
        _ => null,
    };
}
