using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp;

/// <summary>Small questions the C# rules ask about operations.</summary>
internal static class OperationValues
{
    /// <summary>The operation under any implicit or explicit conversions (an anonymous object passed as <c>object</c>).</summary>
    public static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The value when <paramref name="operation"/> is a compile-time string constant that is not blank.</summary>
    /// <remarks>A literal passed where an <c>object</c> is expected is still the literal: conversions are looked through.</remarks>
    public static string? NonBlankString(IOperation? operation) =>
        operation is not null
        && WithoutConversions(operation).ConstantValue is { HasValue: true, Value: string text }
        && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    /// <summary>True for a type whose full name (namespace and name, without generic arity) is <paramref name="fullName"/>.</summary>
    public static bool IsType(ITypeSymbol? type, string fullName) =>
        type is not null && string.Equals(FullName(type), fullName, StringComparison.Ordinal);

    private static string FullName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name : type.Name;
}
