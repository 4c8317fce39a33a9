namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>One lexical token; <see cref="Position"/> is 1-based, as Exchange reports filter errors.</summary>
internal readonly record struct OpathToken(OpathTokenKind Kind, string Text, int Position);
