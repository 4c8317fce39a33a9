using System.Text.Json;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// One successful InvokeCommand response being received. Results are handed out in the batches the network delivers;
/// the buffer only ever holds the element being received (it grows when a single element is larger than it).
/// </summary>
internal sealed class InvokeCommandPage : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly HttpResponseMessage response;
    private readonly InvokeCommandResponseParser parser = new();
    private byte[] buffer = new byte[InitialBufferSize];
    private int buffered;
    private Stream? content;

    public InvokeCommandPage(HttpResponseMessage response)
    {
        this.response = response;
    }

    public string? NextLink => parser.NextLink;

    public IReadOnlyList<string> Warnings => parser.Warnings;

    /// <summary>Adds the next results to <paramref name="results"/>; false once the page has been read to its end.</summary>
    /// <exception cref="JsonException">The response is not an InvokeCommand result.</exception>
    /// <exception cref="IOException">The connection failed while the page was being received.</exception>
    public async Task<bool> ReadBatchAsync(List<JsonElement> results, CancellationToken cancellationToken)
    {
        content ??= await response.Content.ReadAsStreamAsync(cancellationToken);
        while (!parser.Completed)
        {
            if (buffered == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await content.ReadAsync(buffer.AsMemory(buffered), cancellationToken);
            buffered += read;
            var consumed = parser.Parse(buffer.AsSpan(0, buffered), isFinalBlock: read == 0, results);
            buffer.AsSpan(consumed, buffered - consumed).CopyTo(buffer);
            buffered -= consumed;

            if (results.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        content?.Dispose();
        response.Dispose();
    }
}
