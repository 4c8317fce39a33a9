using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>Reading a cmdlet's result stream to its end when only its side effects matter.</summary>
internal static class ResultStreams
{
    public static async Task DrainAsync(this IAsyncEnumerable<ExchangeObject> results)
    {
        await foreach (var unused in results)
        {
        }
    }
}
