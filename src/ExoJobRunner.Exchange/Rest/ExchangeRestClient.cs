using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// The Exchange Online admin REST client: runs a cmdlet through <c>POST …/adminapi/beta/{organization}/InvokeCommand</c>,
/// follows <c>@odata.nextLink</c> and streams the results. The wire format lives in this class and
/// <see cref="ExchangeParameterSerializer"/> only; what is retried, in <see cref="ExchangeRetryPipeline"/>. Safe for
/// concurrent use.
/// </summary>
internal sealed class ExchangeRestClient
{
    // The system mailbox the ExchangeOnlineManagement module anchors app-only requests on, so they reach the
    // organization's own mailbox server.
    private const string AnchorMailboxPrefix = "UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

    private readonly HttpClient httpClient;
    private readonly ExchangeTokenProvider tokens;
    private readonly ExchangeClientOptions options;
    private readonly ResiliencePipeline retry;
    private readonly string anchorMailbox;

    // Sent as connection-id with every request of this session, as the module does.
    private readonly string connectionId = Guid.NewGuid().ToString("D");

    public ExchangeRestClient(HttpClient httpClient, ExchangeTokenProvider tokens, Uri exchangeBaseUri, string organization, ExchangeClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, ExchangeClientOptions.MaximumPageSize);

        this.httpClient = httpClient;
        this.tokens = tokens;
        this.options = options;
        retry = ExchangeRetryPipeline.Create(options.Retry, options.TimeProvider);
        anchorMailbox = AnchorMailboxPrefix + organization;
        InvokeCommandUri = new Uri(exchangeBaseUri, $"adminapi/beta/{Uri.EscapeDataString(organization)}/InvokeCommand");
    }

    public Uri InvokeCommandUri { get; }

    /// <summary>
    /// Runs a cmdlet and yields each result as soon as it has been received. Each step — the next results of the page,
    /// or its end — is one retried operation: after a transport fault the page is requested again and the results
    /// already handed out are skipped, since a page link names a fixed slice of the result. A step that brings nothing
    /// new for every try of the retry budget ends the call.
    /// </summary>
    /// <param name="cmdletName">The cmdlet, for the <c>X-CmdletName</c> header, logs and errors.</param>
    /// <param name="body">The request body from <see cref="ExchangeParameterSerializer.SerializeInvokeBody"/>.</param>
    /// <param name="logger">Receives <c>@adminapi.warnings</c> and retry notices.</param>
    /// <param name="cancellationToken">Stops the request, the retry waits and the streaming.</param>
    public async IAsyncEnumerable<JsonElement> InvokeAsync(
        string cmdletName, byte[] body, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = new PageCursor(this, cmdletName, body, logger, InvokeCommandUri);
        try
        {
            while (true)
            {
                var more = await NextStepAsync(page, cancellationToken);
                foreach (var result in page.Results)
                {
                    // A batch can hold many results; a caller who cancels mid-batch gets no more of them.
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return result;
                }

                if (more)
                {
                    continue;
                }

                foreach (var warning in page.Warnings)
                {
                    ExchangeLog.CmdletWarning(logger, cmdletName, warning);
                }

                if (page.NextLink is not { } nextLink)
                {
                    break;
                }

                page.MoveTo(new Uri(InvokeCommandUri, nextLink));
            }
        }
        finally
        {
            page.Dispose();
        }
    }

    /// <summary>One retried step of <see cref="InvokeAsync"/>: true with new results in the cursor, false at the page's end.</summary>
    private async Task<bool> NextStepAsync(PageCursor page, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ExchangeRetryPipeline.RetryNoticeKey, page.NoticeRetry);
        try
        {
            return await retry.ExecuteAsync(static (context, page) => page.ReadStepAsync(context.CancellationToken), context, page);
        }
        catch (Exception fault) when (ExchangeTransientFaults.IsTransportFault(fault, cancellationToken))
        {
            throw new ExchangeCommandException(
                page.CmdletName, httpStatus: null, errorCode: null,
                $"Could not reach Exchange Online at {InvokeCommandUri.Host}: {fault.Message} Check network access and proxy settings.",
                requestId: null, fault);
        }
        catch (ExchangeCommandException failure) when (failure.RetryAfter > options.Retry.MaxRetryAfter)
        {
            ExchangeLog.RetryAfterTooLong(
                page.Logger, page.CmdletName, ExchangeRetryPipeline.Describe(failure.RetryAfter.GetValueOrDefault()), ExchangeRetryPipeline.Describe(options.Retry.MaxRetryAfter));
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Sends one page request. A 401 gets one fresh token and one more send at once: a cached token may have expired or
    /// been revoked; a 401 that survives a fresh token is a refusal, not a retry.
    /// </summary>
    private async Task<InvokeCommandPage> OpenPageAsync(string cmdletName, Uri pageUri, byte[] body, ILogger logger, CancellationToken cancellationToken)
    {
        var forceTokenRefresh = false;
        while (true)
        {
            var accessToken = await tokens.GetAccessTokenAsync(forceTokenRefresh, logger, cancellationToken);
            var clientRequestId = Guid.NewGuid().ToString("D");
            HttpResponseMessage response;
            using (var request = CreateRequest(cmdletName, pageUri, body, accessToken, clientRequestId))
            {
                response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }

            if (response.IsSuccessStatusCode)
            {
                return new InvokeCommandPage(response, options.ReadTimeout);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && !forceTokenRefresh)
                {
                    forceTokenRefresh = true;
                    continue;
                }

                throw await ReadFailureAsync(response, cmdletName, clientRequestId, cancellationToken);
            }
        }
    }

    /// <summary>Reads a failed response's error body, within the read timeout: a stalled error body is a transport fault too.</summary>
    private async Task<ExchangeCommandException> ReadFailureAsync(
        HttpResponseMessage response, string cmdletName, string clientRequestId, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ReadTimeout);
        try
        {
            return await ExchangeErrorReader.ReadAsync(response, cmdletName, clientRequestId, options.TimeProvider.GetUtcNow(), deadline.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Exchange Online sent nothing for {ExchangeRetryPipeline.Describe(options.ReadTimeout)} while sending its answer to {cmdletName}", exception);
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

    /// <summary>
    /// Where an invocation stands in its current page: the open response, if any, how many of the page's results were
    /// handed out (skipped when the page is requested again), and the batch being handed out now.
    /// </summary>
    private sealed class PageCursor(ExchangeRestClient client, string cmdletName, byte[] body, ILogger logger, Uri pageUri) : IDisposable
    {
        private readonly List<JsonElement> batch = [];
        private InvokeCommandPage? response;
        private int delivered;

        // Results of the open response received so far, handed out or skipped.
        private int received;

        public string CmdletName => cmdletName;

        public ILogger Logger => logger;

        public List<JsonElement> Results { get; } = [];

        public string? NextLink { get; private set; }

        public IReadOnlyList<string> Warnings { get; private set; } = [];

        public void MoveTo(Uri next)
        {
            pageUri = next;
            delivered = 0;
            NextLink = null;
            Warnings = [];
        }

        public void NoticeRetry(Exception fault, TimeSpan delay, int attempt)
        {
            var maxAttempts = client.options.Retry.MaxAttempts;
            var wait = ExchangeRetryPipeline.Describe(delay);
            if (fault is ExchangeCommandException { HttpStatus: { } status })
            {
                ExchangeLog.RetryingAfterStatus(logger, cmdletName, ExchangeRetryPipeline.DescribeStatus(status), wait, attempt, maxAttempts);
            }
            else
            {
                ExchangeLog.RetryingAfterTransportFault(logger, cmdletName, fault.Message, wait, attempt, maxAttempts);
            }
        }

        /// <summary>Reads until there are results not handed out before, or the page ends; requests the page first if needed.</summary>
        public async ValueTask<bool> ReadStepAsync(CancellationToken cancellationToken)
        {
            Results.Clear();
            try
            {
                if (response is null)
                {
                    response = await client.OpenPageAsync(cmdletName, pageUri, body, logger, cancellationToken);
                    received = 0;
                }

                while (true)
                {
                    batch.Clear();
                    var more = await response.ReadBatchAsync(batch, cancellationToken);
                    foreach (var result in batch)
                    {
                        if (++received > delivered)
                        {
                            delivered++;
                            Results.Add(result);
                        }
                    }

                    if (!more)
                    {
                        NextLink = response.NextLink;
                        Warnings = response.Warnings;
                        CloseResponse();
                        return false;
                    }

                    if (Results.Count > 0)
                    {
                        return true;
                    }
                }
            }
            catch (Exception fault) when (ExchangeTransientFaults.IsTransportFault(fault, cancellationToken))
            {
                // The next try requests the page again: a broken response cannot be read on.
                CloseResponse();
                throw;
            }
            catch (JsonException exception)
            {
                CloseResponse();
                throw new ExchangeCommandException(
                    cmdletName, HttpStatusCode.OK, errorCode: null, $"Exchange Online sent a response that is not a valid result: {exception.Message}", requestId: null, exception);
            }
        }

        public void Dispose() => CloseResponse();

        private void CloseResponse()
        {
            response?.Dispose();
            response = null;
        }
    }
}
