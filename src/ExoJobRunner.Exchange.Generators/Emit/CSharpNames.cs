using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>How manifest names become C# names and literals.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// PowerShell's parameter name as a C# parameter: <c>ResultSize</c> → <c>resultSize</c>, and a leading acronym
    /// lowered as a whole, <c>OWAEnabled</c> → <c>owaEnabled</c>. A keyword gets an <c>@</c>.
    /// </summary>
    public static string CamelCase(string pascalName)
    {
        var upperRun = 0;
        while (upperRun < pascalName.Length && char.IsUpper(pascalName[upperRun]))
        {
            upperRun++;
        }

        // In "OWAEnabled" the last capital of the run starts the next word; in "ID" the run is the whole name.
        var lowered = upperRun == pascalName.Length || upperRun <= 1 ? upperRun : upperRun - 1;
        var name = pascalName.Substring(0, lowered).ToLowerInvariant() + pascalName.Substring(lowered);
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    /// <summary>A C# string literal with every character that needs it escaped.</summary>
    public static string StringLiteral(string value) =>
        SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text made safe for an XML documentation comment.</summary>
    public static string XmlText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            escaped.Append(character switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\r' or '\n' => " ",
                _ => character.ToString(),
            });
        }

        return escaped.ToString();
    }
}
