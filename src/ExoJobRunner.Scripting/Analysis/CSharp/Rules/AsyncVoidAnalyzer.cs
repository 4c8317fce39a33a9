using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>EXO0007: <c>async void</c> methods, local functions and lambdas, whose work nobody awaits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class AsyncVoidAnalyzer : CSharpRuleAnalyzer
{
    private const string Consequence =
        "nothing awaits it, so the run can end while it is still working, and an exception it throws after its first await "
        + "escapes the run and ends the process; return Task and await the call";

    public AsyncVoidAnalyzer()
        : base(RuleCatalog.AsyncVoid)
    {
    }

    protected override void Register(AnalysisContext context)
    {
        context.RegisterSyntaxNodeAction(AnalyzeMethod, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
        RegisterOperations(context, AnalyzeLambda, OperationKind.AnonymousFunction);
    }

    private void AnalyzeMethod(SyntaxNodeAnalysisContext context)
    {
        var (modifiers, returnType, identifier) = context.Node switch
        {
            MethodDeclarationSyntax method => (method.Modifiers, method.ReturnType, method.Identifier),
            LocalFunctionStatementSyntax function => (function.Modifiers, function.ReturnType, function.Identifier),
            _ => throw new InvalidOperationException($"unexpected node {context.Node.Kind()}"),
        };
        if (modifiers.Any(SyntaxKind.AsyncKeyword) && returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
        {
            context.ReportDiagnostic(Finding(identifier.GetLocation(), $"'{identifier.ValueText}' is async void: " + Consequence));
        }
    }

    private void AnalyzeLambda(IOperation operation, Action<Diagnostic> report)
    {
        var function = ((IAnonymousFunctionOperation)operation).Symbol;
        if (function.IsAsync && function.ReturnsVoid)
        {
            report(Finding(operation.Syntax.GetLocation(), "this async lambda becomes an async void delegate: " + Consequence));
        }
    }
}
