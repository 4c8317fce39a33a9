using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0009: <c>Exo.InvokeAsync("Get-Mailbox")</c> or <c>Exo.GetMailbox()</c> (and other paged reads) without a result
/// size: Exchange returns the first 1000 objects and the report silently covers part of the tenant.
/// </summary>
/// <remarks>
/// By name, only parameters the rule can read are judged: none at all, <c>null</c>, or an anonymous object. A
/// dictionary or a variable may hold a result size the rule cannot see, so it is given the benefit of the doubt. A
/// typed call is bounded when it passes <c>resultSize</c> or <c>identity</c>, unless the value is a literal null.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class MissingResultSizeAnalyzer : CSharpRuleAnalyzer
{
    public MissingResultSizeAnalyzer()
        : base(RuleCatalog.MissingResultSize)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(context, AnalyzeInvocation, OperationKind.Invocation);

    /// <summary>The generated class holding the typed cmdlet methods (<c>Exo.GetMailbox(…)</c>).</summary>
    private const string TypedCmdletsClass = "ExoJobRunner.Exchange.Cmdlets.ExchangeCmdlets";

    private void AnalyzeInvocation(IOperation operation, Action<Diagnostic> report)
    {
        var invocation = (IInvocationOperation)operation;
        if (invocation.TargetMethod.ContainingType?.ToDisplayString() == TypedCmdletsClass)
        {
            AnalyzeTypedCall(invocation, report);
            return;
        }

        if (!ExchangeCmdlets.RunsCmdlet(invocation.TargetMethod.Name)
            || invocation.Arguments.Length == 0
            || invocation.Arguments[0].Parameter?.Ordinal != 0
            || OperationValues.NonBlankString(invocation.Arguments[0].Value) is not { } cmdlet
            || !ExchangeCmdlets.Paged.Contains(cmdlet)
            || IsBounded(invocation))
        {
            return;
        }

        report(Finding(
            invocation.Syntax.GetLocation(),
            $"{cmdlet} returns at most 1000 objects unless told otherwise, and leaves the rest out with only a warning; "
            + $"pass a result size: Exo.InvokeAsync(\"{cmdlet}\", new {{ ResultSize = \"Unlimited\" }})"));
    }

    private void AnalyzeTypedCall(IInvocationOperation invocation, Action<Diagnostic> report)
    {
        var method = invocation.TargetMethod.Name;
        if (ExchangeCmdlets.PagedByMethodName(method) is not { } cmdlet || IsTypedCallBounded(invocation))
        {
            return;
        }

        report(Finding(
            invocation.Syntax.GetLocation(),
            $"{cmdlet} returns at most 1000 objects unless told otherwise, and leaves the rest out with only a warning; "
            + $"pass a result size: Exo.{method}(resultSize: ResultSize.Unlimited)"));
    }

    private static bool IsTypedCallBounded(IInvocationOperation invocation) =>
        invocation.Arguments.Any(argument =>
            argument.ArgumentKind == ArgumentKind.Explicit
            && argument.Parameter is { } parameter
            && ExchangeCmdlets.BoundingParameters.Contains(parameter.Name)
            && OperationValues.WithoutConversions(argument.Value) is not (ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation));

    private static bool IsBounded(IInvocationOperation invocation)
    {
        var parameters = invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 1);
        if (parameters is null || parameters.ArgumentKind != ArgumentKind.Explicit)
        {
            return false;
        }

        return OperationValues.WithoutConversions(parameters.Value) switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation => false,
            IAnonymousObjectCreationOperation anonymous => anonymous.Initializers
                .OfType<ISimpleAssignmentOperation>()
                .Any(initializer => initializer.Target is IPropertyReferenceOperation property
                    && ExchangeCmdlets.BoundingParameters.Contains(property.Property.Name)),
            _ => true,
        };
    }
}
