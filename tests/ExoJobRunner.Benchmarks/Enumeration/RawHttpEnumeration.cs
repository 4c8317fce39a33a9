using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// The baseline: what someone would write by hand against the same endpoint. One MSAL token, then a loop that POSTs
/// InvokeCommand with the session's body and headers, parses each page whole with <see cref="JsonDocument"/>, reads the
/// same two properties of each mailbox and follows <c>@odata.nextLink</c>. No retries, no warnings, no result objects.
/// </summary>
internal static class RawHttpEnumeration
{
    public const string Variant = "raw";

    public static async Task<EnumerationMeasurement> RunAsync(EnumerationTarget target, EnumerationRecorder recorder)
    {
        using var serverCertificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(target.ServerCertificatePath));
        var serverCertificateHash = serverCertificate.GetCertHash(HashAlgorithmName.SHA256);
        using var handler = new SocketsHttpHandler
        {
            // The session accepts compressed answers, as Exchange Online sends them; the same pages, the same bytes.
            AutomaticDecompression = DecompressionMethods.All,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(serverCertificateHash),
            },
        };
        using var http = new HttpClient(handler, disposeHandler: false);
        using var certificate = X509Certificate2.CreateFromPemFile(target.CertificatePemPath, target.PrivateKeyPemPath);
        var application = ConfidentialClientApplicationBuilder.Create(target.AppId)
            .WithCertificate(certificate, sendX5C: false)
            .WithAuthority(new Uri(target.BaseUri, target.Organization + "/").AbsoluteUri, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new SingleHttpClientFactory(http))
            .Build();
        var token = await application.AcquireTokenForClient([target.BaseUri.GetLeftPart(UriPartial.Authority) + "/.default"]).ExecuteAsync();
        var loop = new PageLoop(http, target, token.AccessToken);

        await loop.EnumerateAsync(target.WarmupResults.ToString(CultureInfo.InvariantCulture), recorder);
        recorder.Start();
        await loop.EnumerateAsync("Unlimited", recorder);
        return recorder.Finish(Variant);
    }

    private sealed class PageLoop(HttpClient http, EnumerationTarget target, string accessToken)
    {
        private readonly string connectionId = Guid.NewGuid().ToString("D");

        public async Task EnumerateAsync(string resultSize, EnumerationRecorder recorder)
        {
            var body = Encoding.UTF8.GetBytes("""{"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"ResultSize":""" + JsonSerializer.Serialize(resultSize) + "}}}");
            Uri? page = new(target.BaseUri, $"adminapi/beta/{target.Organization}/InvokeCommand");
            while (page is not null)
            {
                using var request = CreateRequest(page, body);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                foreach (var mailbox in document.RootElement.GetProperty("value").EnumerateArray())
                {
                    recorder.Record(mailbox.GetProperty("PrimarySmtpAddress").GetString(), mailbox.GetProperty("ProhibitSendQuota").GetString());
                }

                page = document.RootElement.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!) : null;
            }
        }

        private HttpRequestMessage CreateRequest(Uri page, byte[] body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation("X-ResponseFormat", "json");
            request.Headers.TryAddWithoutValidation("Prefer", string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={target.PageSize}"));
            request.Headers.TryAddWithoutValidation("client-request-id", Guid.NewGuid().ToString("D"));
            request.Headers.TryAddWithoutValidation("connection-id", connectionId);
            request.Headers.TryAddWithoutValidation("X-CmdletName", "Get-Mailbox");
            request.Headers.TryAddWithoutValidation("X-AnchorMailbox", $"UPN:SystemMailbox{{bb558c35-97f1-4cb9-8ff7-d53741dc928c}}@{target.Organization}");
            return request;
        }
    }
}
