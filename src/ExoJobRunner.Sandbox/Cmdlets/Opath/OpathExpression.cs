namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>A parsed OPATH filter: comparisons combined with <c>-and</c>, <c>-or</c> and <c>-not</c>.</summary>
internal abstract record OpathExpression;

internal sealed record OpathAnd(OpathExpression Left, OpathExpression Right) : OpathExpression;

internal sealed record OpathOr(OpathExpression Left, OpathExpression Right) : OpathExpression;

internal sealed record OpathNot(OpathExpression Operand) : OpathExpression;

/// <summary><c>Property -op Value</c>; <see cref="Position"/> is where the property name starts (1-based), for errors.</summary>
internal sealed record OpathComparison(string Property, OpathOperator Operator, OpathValueKind ValueKind, string Value, int Position)
    : OpathExpression;
