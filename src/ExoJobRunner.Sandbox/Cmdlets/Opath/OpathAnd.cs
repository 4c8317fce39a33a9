namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary><c>Left -and Right</c>.</summary>
internal sealed record OpathAnd(OpathExpression Left, OpathExpression Right) : OpathExpression;
