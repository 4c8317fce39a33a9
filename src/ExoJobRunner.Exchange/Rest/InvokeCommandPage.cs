using System.Globalization;
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
    private readonly TimeSpan readTimeout;
    private readonly InvokeCommandResponseParser parser = new();
    private byte[] buffer = new byte[InitialBufferSize];
    private int buffered;
    private Stream? content;

    // Armed for each read: a connection that goes silent in the middle of a body would otherwise hold the run until its
    // timeout, since HttpClient's own timeout ends once the headers have arrived.
    private CancellationTokenSource? readDeadline;

    /// <param name="response">The response, its headers received.</param>
    /// <param name="readTimeout">How long one read of the body may bring nothing before the response counts as broken.</param>
    public InvokeCommandPage(HttpResponseMessage response, TimeSpan readTimeout)
    {
        this.response = response;
        this.readTimeout = readTimeout;
    }

    public string? NextLink => parser.NextLink;

    public IReadOnlyList<string> Warnings => parser.Warnings;

    /// <summary>Adds the next results to <paramref name="results"/>; false once the page has been read to its end.</summary>
    /// <exception cref="JsonException">The response is not an InvokeCommand result.</exception>
    /// <exception cref="IOException">The connection failed while the page was being received.</exception>
    /// <exception cref="TimeoutException">The connection brought nothing for the read timeout.</exception>
    public async Task<bool> ReadBatchAsync(List<JsonElement> results, CancellationToken cancellationToken)
    {
        content ??= await response.Content.ReadAsStreamAsync(cancellationToken);
        readDeadline ??= CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (!parser.Completed)
        {
            if (buffered == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await ReadAsync(content, readDeadline, cancellationToken);
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
        readDeadline?.Dispose();
    }

    private async Task<int> ReadAsync(Stream stream, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        deadline.CancelAfter(readTimeout);
        try
        {
            return await stream.ReadAsync(buffer.AsMemory(buffered), deadline.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"Exchange Online sent nothing for {readTimeout.TotalSeconds:0.#} s in the middle of a response"),
                exception);
        }
        finally
        {
            deadline.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }
}
