namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>What a written page leaves: where the next one starts (null when this was the last) and the warning to add when
/// <c>-ResultSize</c> cut the output short.</summary>
internal readonly record struct RecordPage(RecordCursor? Next, string? TruncationWarning);
