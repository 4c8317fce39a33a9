namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary><c>-not Operand</c>.</summary>
internal sealed record OpathNot(OpathExpression Operand) : OpathExpression;
