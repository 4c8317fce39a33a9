namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// The measured process of the enumeration benchmark: connects one variant to the sandbox, enumerates every mailbox
/// once and prints its <see cref="EnumerationMeasurement"/> line. One variant per process, so the peak memory is its own.
/// </summary>
internal static class EnumerationLoop
{
    public static async Task<int> RunAsync(string variant, IReadOnlyList<string> targetArguments)
    {
        var target = EnumerationTarget.FromArguments(targetArguments);
        using var recorder = new EnumerationRecorder(target.Mailboxes);
        var measurement = variant switch
        {
            SessionEnumeration.Variant => await SessionEnumeration.RunAsync(target, recorder),
            RawHttpEnumeration.Variant => await RawHttpEnumeration.RunAsync(target, recorder),
            _ => throw new ArgumentException($"unknown variant '{variant}'; use {SessionEnumeration.Variant} or {RawHttpEnumeration.Variant}", nameof(variant)),
        };

        Console.WriteLine(measurement.ToLine());
        return 0;
    }
}
