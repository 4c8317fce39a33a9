namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary><c>Property -op Value</c>; <see cref="Position"/> is where the property name starts (1-based), for errors.</summary>
internal sealed record OpathComparison(string Property, OpathOperator Operator, OpathValueKind ValueKind, string Value, int Position)
    : OpathExpression;
