using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0010: <c>#pragma warning disable EXO…</c> (or a bare <c>#pragma warning disable</c>, which silences every rule)
/// without a <c>// justification</c> on the same line.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class UnjustifiedSuppressionAnalyzer : CSharpRuleAnalyzer
{
    public UnjustifiedSuppressionAnalyzer()
        : base(RuleCatalog.UnjustifiedSuppression)
    {
    }

    protected override void Register(AnalysisContext context) =>
        context.RegisterSyntaxTreeAction(AnalyzeTree);

    private void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var pragmas = context.Tree.GetRoot(context.CancellationToken)
            .DescendantNodes(descendIntoTrivia: true)
            .OfType<PragmaWarningDirectiveTriviaSyntax>()
            .Where(pragma => pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword));
        foreach (var pragma in pragmas)
        {
            var ruleIds = pragma.ErrorCodes
                .Select(code => code.ToString().Trim())
                .Where(code => RuleCatalog.Find(code) is not null)
                .ToList();
            var silencesRules = pragma.ErrorCodes.Count == 0 || ruleIds.Count > 0;
            if (!silencesRules || HasJustification(pragma))
            {
                continue;
            }

            var what = ruleIds.Count == 0 ? "every rule" : string.Join(", ", ruleIds);
            var example = ruleIds.Count == 0 ? "EXO0003" : ruleIds[0];
            context.ReportDiagnostic(Finding(
                pragma.GetLocation(),
                $"this #pragma silences {what} without saying why; add the reason on the same line so the next reader "
                + $"does not have to guess: #pragma warning disable {example} // why the finding is safe here"));
        }
    }

    /// <summary>The comment after the directive's last word is trivia of that word's token, so any comment inside the directive counts.</summary>
    private static bool HasJustification(PragmaWarningDirectiveTriviaSyntax pragma) =>
        pragma.DescendantTrivia()
            .Where(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
            .Any(comment => comment.ToString().TrimStart('/').Trim().Length > 0);
}
