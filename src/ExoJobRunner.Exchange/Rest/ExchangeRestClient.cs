using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ExoJobRunner.Exchange.Authentication;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// The Exchange Online admin REST client: runs a cmdlet through <c>POST …/adminapi/beta/{organization}/InvokeCommand</c>,
/// follows <c>@odata.nextLink</c> and streams the results. The wire format lives in this class and
/// <see cref="ExchangeParameterSerializer"/> only. Safe for concurrent use.
/// </summary>
internal sealed class ExchangeRestClient
{
    // The system mailbox the ExchangeOnlineManagement module anchors app-only requests on, so they reach the
    // organization's own mailbox server.
    private const string AnchorMailboxPrefix = "UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

    private readonly HttpClient httpClient;
    private readonly ExchangeTokenProvider tokens;
    private readonly ExchangeClientOptions options;
    private readonly string anchorMailbox;

    // Sent as connection-id with every request of this session, as the module does.
    private readonly string connectionId = Guid.NewGuid().ToString("D");

    public ExchangeRestClient(HttpClient httpClient, ExchangeTokenProvider tokens, Uri exchangeBaseUri, string organization, ExchangeClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, ExchangeClientOptions.MaximumPageSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Retry.MaxAttempts, 1);

        this.httpClient = httpClient;
        this.tokens = tokens;
        this.options = options;
        anchorMailbox = AnchorMailboxPrefix + organization;
        InvokeCommandUri = new Uri(exchangeBaseUri, $"adminapi/beta/{Uri.EscapeDataString(organization)}/InvokeCommand");
    }

    public Uri InvokeCommandUri { get; }

    /// <summary>
    /// Runs a cmdlet and yields each result as soon as it has been received. A page is re-requested after a transport
    /// fault without yielding its results twice: the results already handed out are skipped, since a page link
    /// names a fixed slice of the result.
    /// </summary>
    /// <param name="cmdletName">The cmdlet, for the <c>X-CmdletName</c> header, logs and errors.</param>
    /// <param name="body">The request body from <see cref="ExchangeParameterSerializer.SerializeInvokeBody"/>.</param>
    /// <param name="logger">Receives <c>@adminapi.warnings</c> and retry notices.</param>
    /// <param name="cancellationToken">Stops the request, the retry waits and the streaming.</param>
    public async IAsyncEnumerable<JsonElement> InvokeAsync(
        string cmdletName, byte[] body, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var results = new List<JsonElement>();
        Uri? pageUri = InvokeCommandUri;
        while (pageUri is not null)
        {
            var attempts = new AttemptCounter();
            var delivered = 0;
            while (true)
            {
                using var page = await OpenPageAsync(cmdletName, pageUri, body, attempts, logger, cancellationToken);
                var alreadyDelivered = delivered;
                var received = 0;
                BatchOutcome outcome;
                do
                {
                    results.Clear();
                    outcome = await ReadBatchAsync(cmdletName, page, results, cancellationToken);
                    foreach (var result in results)
                    {
                        // A batch can hold many results; a caller who cancels mid-batch gets no more of them.
                        cancellationToken.ThrowIfCancellationRequested();
                        if (++received > alreadyDelivered)
                        {
                            delivered++;
                            yield return result;
                        }
                    }
                }
                while (outcome.Kind == BatchOutcomeKind.More);

                if (outcome.Kind == BatchOutcomeKind.TransportFault)
                {
                    await WaitAfterTransportFaultAsync(cmdletName, outcome.Fault!, attempts, logger, cancellationToken);
                    continue;
                }

                foreach (var warning in page.Warnings)
                {
                    ExchangeLog.CmdletWarning(logger, cmdletName, warning);
                }

                pageUri = page.NextLink is { } nextLink ? new Uri(InvokeCommandUri, nextLink) : null;
                break;
            }
        }
    }

    private async Task<InvokeCommandPage> OpenPageAsync(
        string cmdletName, Uri pageUri, byte[] body, AttemptCounter attempts, ILogger logger, CancellationToken cancellationToken)
    {
        var forceTokenRefresh = false;
        while (true)
        {
            var accessToken = await tokens.GetAccessTokenAsync(forceTokenRefresh, cancellationToken);
            var clientRequestId = Guid.NewGuid().ToString("D");
            HttpResponseMessage response;
            using (var request = CreateRequest(cmdletName, pageUri, body, accessToken, clientRequestId))
            {
                try
                {
                    response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                }
                catch (Exception fault) when (IsTransportFault(fault, cancellationToken))
                {
                    await WaitAfterTransportFaultAsync(cmdletName, fault, attempts, logger, cancellationToken);
                    continue;
                }
            }

            if (response.IsSuccessStatusCode)
            {
                return new InvokeCommandPage(response);
            }

            using (response)
            {
                var failure = await ExchangeErrorReader.ReadAsync(response, cmdletName, clientRequestId, cancellationToken);
                attempts.Failed++;
                if (!IsRetryable(response.StatusCode) || attempts.Failed >= options.Retry.MaxAttempts)
                {
                    throw failure;
                }

                // A 401 usually means the cached token was revoked or is stale: the next try fetches a new one.
                forceTokenRefresh = response.StatusCode == HttpStatusCode.Unauthorized;
                var delay = RetryAfter(response) ?? options.Retry.BackoffAfter(attempts.Failed);
                ExchangeLog.RetryingAfterStatus(logger, cmdletName, response.StatusCode, delay, attempts.Failed + 1, options.Retry.MaxAttempts);
                await Task.Delay(delay, options.TimeProvider, cancellationToken);
            }
        }
    }

    private HttpRequestMessage CreateRequest(string cmdletName, Uri pageUri, byte[] body, string accessToken, string clientRequestId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pageUri)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("X-ResponseFormat", "json");
        request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={options.PageSize.ToString(CultureInfo.InvariantCulture)}");
        request.Headers.TryAddWithoutValidation("client-request-id", clientRequestId);
        request.Headers.TryAddWithoutValidation("connection-id", connectionId);
        request.Headers.TryAddWithoutValidation("X-CmdletName", cmdletName);
        request.Headers.TryAddWithoutValidation("X-AnchorMailbox", anchorMailbox);
        return request;
    }

    private static async Task<BatchOutcome> ReadBatchAsync(string cmdletName, InvokeCommandPage page, List<JsonElement> results, CancellationToken cancellationToken)
    {
        try
        {
            return await page.ReadBatchAsync(results, cancellationToken) ? BatchOutcome.More : BatchOutcome.End;
        }
        catch (Exception fault) when (IsTransportFault(fault, cancellationToken))
        {
            return new BatchOutcome(BatchOutcomeKind.TransportFault, fault);
        }
        catch (JsonException exception)
        {
            throw new ExchangeCommandException(
                cmdletName, HttpStatusCode.OK, errorCode: null, $"Exchange Online sent a response that is not a valid result: {exception.Message}", requestId: null, exception);
        }
    }

    private async Task WaitAfterTransportFaultAsync(string cmdletName, Exception fault, AttemptCounter attempts, ILogger logger, CancellationToken cancellationToken)
    {
        attempts.Failed++;
        if (attempts.Failed >= options.Retry.MaxAttempts)
        {
            throw new ExchangeCommandException(
                cmdletName, httpStatus: null, errorCode: null,
                $"Could not reach Exchange Online at {InvokeCommandUri.Host}: {fault.Message} Check network access and proxy settings.",
                requestId: null, fault);
        }

        var delay = options.Retry.BackoffAfter(attempts.Failed);
        ExchangeLog.RetryingAfterTransportFault(logger, cmdletName, fault.Message, delay, attempts.Failed + 1, options.Retry.MaxAttempts);
        await Task.Delay(delay, options.TimeProvider, cancellationToken);
    }

    /// <summary>
    /// Network failures, and HttpClient's own timeout (a cancellation nobody asked for). Cancellation by the caller
    /// is never a fault: it ends the call at once.
    /// </summary>
    private static bool IsTransportFault(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    // 400, 403 and 404 are the caller's to fix; repeating them only delays the error.
    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date - options.TimeProvider.GetUtcNow());
        return delay is { } wait && wait < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private sealed class AttemptCounter
    {
        public int Failed { get; set; }
    }

    private enum BatchOutcomeKind
    {
        More,
        End,
        TransportFault,
    }

    private readonly record struct BatchOutcome(BatchOutcomeKind Kind, Exception? Fault = null)
    {
        public static BatchOutcome More => new(BatchOutcomeKind.More);

        public static BatchOutcome End => new(BatchOutcomeKind.End);
    }
}
