using System.Text.RegularExpressions;
using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>
/// <c># exojobs-disable-next-line EXO0003, EXO0009: the justification</c>: silences the named rules on the line right
/// below the comment. The PowerShell counterpart of C#'s <c>#pragma warning disable EXO0003 // justification</c>.
/// </summary>
/// <param name="Line">The comment's own line in the body's code (1-based).</param>
/// <param name="Column">The comment's column.</param>
/// <param name="RuleIds">The rules it silences, upper-cased.</param>
/// <param name="Justification">The text after the colon, or null when there is none.</param>
internal sealed partial record SuppressionComment(int Line, int Column, IReadOnlyList<string> RuleIds, string? Justification)
{
    /// <summary>The comment's keyword, as users write it.</summary>
    public const string Keyword = "exojobs-disable-next-line";

    /// <summary>Every suppression comment among <paramref name="tokens"/>.</summary>
    public static IReadOnlyList<SuppressionComment> Find(IEnumerable<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var comments = new List<SuppressionComment>();
        foreach (var token in tokens.Where(token => token.Kind == TokenKind.Comment))
        {
            var match = Pattern().Match(token.Text);
            if (!match.Success)
            {
                continue;
            }

            var ids = match.Groups["ids"].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.ToUpperInvariant())
                .ToList();
            var justification = match.Groups["why"].Value.Trim();
            comments.Add(new SuppressionComment(
                token.Extent.StartLineNumber,
                token.Extent.StartColumnNumber,
                ids,
                justification.Length == 0 ? null : justification));
        }

        return comments;
    }

    /// <summary>True when this comment silences <paramref name="ruleId"/> on <paramref name="line"/>.</summary>
    public bool Silences(string ruleId, int line) =>
        line == Line + 1 && RuleIds.Contains(ruleId, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^#\s*exojobs-disable-next-line\s+(?<ids>[A-Za-z]+\d+(\s*,\s*[A-Za-z]+\d+)*)\s*(:(?<why>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
