using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Credentials;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// Enumerating a large tenant's mailboxes through exojobs' Exchange session against a hand-written HttpClient loop over
/// the same pages. One sandbox (real HTTPS on loopback, real token endpoint) runs in this process for the whole
/// benchmark; every measured enumeration runs in a fresh process of its own that connects to it, so each variant's peak
/// memory is its own. Rounds alternate which variant goes first, so a busy moment on the machine costs both alike.
/// </summary>
internal static class EnumerationBenchmark
{
    private static readonly (string Variant, string Name)[] Variants =
    [
        (SessionEnumeration.Variant, "exojobs session (`InvokeAsync`, `ExchangeObject` per result)"),
        (RawHttpEnumeration.Variant, "raw HttpClient loop (`JsonDocument` per page)"),
    ];

    public static async Task<string> RunAsync(int mailboxes, int pageSize, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("exojobs-enumeration-benchmark-").FullName;
        try
        {
            // A credential of the benchmark's own, so the user's sandbox credential is neither created nor read.
            using var credential = SandboxClientCredential.LoadOrCreate(Path.Combine(folder, "data"));
            var files = credential.Export(folder);
            await using var server = await SandboxServer.StartAsync(new SandboxServerOptions
            {
                Mailboxes = mailboxes,
                Apps = [SandboxAppRegistration.ForCertificate(credential.Certificate)],
            });
            var serverCertificatePath = Path.Combine(folder, "server.crt.pem");
            await File.WriteAllTextAsync(serverCertificatePath, server.ServerCertificate.ExportCertificatePem());
            var target = new EnumerationTarget(
                server.BaseUri, server.AppId, server.Organization, files.CertificatePemPath, files.PrivateKeyPemPath, serverCertificatePath, mailboxes, pageSize);

            // The first requests compile the sandbox's own code; neither variant should pay for that.
            foreach (var (variant, _) in Variants)
            {
                await MeasureAsync(variant, target, "warm-up");
            }

            var measurements = Variants.ToDictionary(variant => variant.Variant, _ => new List<EnumerationMeasurement>());
            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? Variants : Variants.Reverse();
                foreach (var (variant, _) in order)
                {
                    measurements[variant].Add(await MeasureAsync(variant, target, string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds}")));
                }
            }

            Verify(measurements.Values.SelectMany(list => list).ToList(), mailboxes);
            return Report(measurements, target, rounds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<EnumerationMeasurement> MeasureAsync(string variant, EnumerationTarget target, string label)
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("the harness's own path is unknown"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Program.EnumerationLoopCommand);
        startInfo.ArgumentList.Add(variant);
        foreach (var argument in target.ToArguments())
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the enumeration loop");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var measurement = output.Split('\n').Select(line => EnumerationMeasurement.Parse(line.TrimEnd('\r'))).OfType<EnumerationMeasurement>().FirstOrDefault();
        if (process.ExitCode != 0 || measurement is null)
        {
            throw new InvalidOperationException($"the {variant} enumeration exited with {process.ExitCode}:\n{output}");
        }

        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"enumeration ({label}, {variant}): {measurement.Results:N0} mailboxes in {measurement.ElapsedMs / 1000:F2} s ({measurement.ResultsPerSecond:N0}/s), "
            + $"{measurement.Pages} pages, client CPU {measurement.CpuMs / 1000:F2} s, peak resident {Mb(measurement.PeakResidentBytes)} MB, allocated {Mb(measurement.AllocatedBytes)} MB"));
        return measurement;
    }

    /// <summary>A benchmark that counted different things would compare nothing: every run must have read the whole tenant, the same way.</summary>
    private static void Verify(IReadOnlyList<EnumerationMeasurement> measurements, int mailboxes)
    {
        if (measurements.FirstOrDefault(measurement => measurement.Results != mailboxes) is { } shortRun)
        {
            throw new InvalidOperationException($"the {shortRun.Variant} enumeration counted {shortRun.Results:N0} mailboxes, not {mailboxes:N0}");
        }

        if (measurements.Select(measurement => measurement.Checksum).Distinct().Count() != 1)
        {
            throw new InvalidOperationException("the variants read different property values: " + string.Join(", ", measurements.Select(m => $"{m.Variant} {m.Checksum}")));
        }

        if (measurements.Select(measurement => measurement.Pages).Distinct().Count() != 1)
        {
            throw new InvalidOperationException("the variants made different numbers of requests (a retry?): " + string.Join(", ", measurements.Select(m => $"{m.Variant} {m.Pages}")));
        }
    }

    private static string Report(Dictionary<string, List<EnumerationMeasurement>> measurements, EnumerationTarget target, int rounds)
    {
        var (mailboxes, pageSize) = (target.Mailboxes, target.PageSize);
        var pages = measurements.Values.First()[0].Pages;
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{mailboxes:N0} mailboxes (`Get-Mailbox -ResultSize Unlimited`, `Prefer: odata.maxpagesize={pageSize}`, {pages:N0} pages) from one sandbox in the harness's process. Each variant runs in a fresh process per round and first enumerates {target.WarmupResults:N0} mailboxes unmeasured (JIT warm-up); {rounds} rounds alternating which variant goes first, after one unmeasured round. Medians over the rounds; every run counted {mailboxes:N0} mailboxes and read the same values.")
            .AppendLine()
            .AppendLine("| Variant | Time | Mailboxes/s | Waiting for the sandbox | Client time | Client CPU | Allocated | Managed heap (max sampled) | Resident before → peak | GCs gen 0/1/2 |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (variant, name) in Variants)
        {
            var runs = measurements[variant];
            report.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Median(runs, m => m.ElapsedMs) / 1000:F2} s | {Median(runs, m => m.ResultsPerSecond):N0} | {Median(runs, m => m.WaitingMs) / 1000:F2} s "
                + $"| {Median(runs, m => m.ClientMs) / 1000:F2} s | {Median(runs, m => m.CpuMs) / 1000:F2} s | {Mb((long)Median(runs, m => m.AllocatedBytes))} MB | {Mb((long)Median(runs, m => m.MaxManagedBytes))} MB "
                + $"| {Mb((long)Median(runs, m => m.ResidentBeforeBytes))} → {Mb((long)Median(runs, m => m.PeakResidentBytes))} MB "
                + $"| {string.Join('/', Enumerable.Range(0, 3).Select(generation => Median(runs, m => m.Collections[generation]).ToString("F0", CultureInfo.InvariantCulture)))} |"));
        }

        var session = measurements[SessionEnumeration.Variant];
        var raw = measurements[RawHttpEnumeration.Variant];
        // A round's two runs are next to each other in time, so their ratio is less disturbed by the machine's load
        // changing during the benchmark than the ratio of the two medians.
        var roundRatios = session.Zip(raw, (s, r) => s.ResultsPerSecond / r.ResultsPerSecond).Order().ToArray();
        report
            .AppendLine()
            .AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Throughput, session / raw loop: {Median(session, m => m.ResultsPerSecond) / Median(raw, m => m.ResultsPerSecond):F2}× (ratio of the medians); "
                + $"per round {string.Join(", ", roundRatios.Select(ratio => ratio.ToString("F2", CultureInfo.InvariantCulture)))}, median {MedianOf(roundRatios):F2}×."))
            .AppendLine()
            .AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Client CPU per mailbox: session {Median(session, m => m.CpuMs) * 1000 / mailboxes:F1} µs, raw loop {Median(raw, m => m.CpuMs) * 1000 / mailboxes:F1} µs "
                + $"({Median(session, m => m.CpuMs) / Median(raw, m => m.CpuMs):F2}×)."))
            .AppendLine()
            .AppendLine("Every round (time / client time / client CPU, s):")
            .AppendLine();
        foreach (var (variant, name) in Variants)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {string.Join(", ", measurements[variant].Select(m => $"{m.ElapsedMs / 1000:F2} / {m.ClientMs / 1000:F2} / {m.CpuMs / 1000:F2}"))}");
        }

        report.AppendLine().AppendLine("Resident set after every tenth of the mailboxes, in the median round (MB):").AppendLine();
        foreach (var (variant, name) in Variants)
        {
            var runs = measurements[variant];
            var median = runs.OrderBy(m => m.ElapsedMs).ElementAt(runs.Count / 2);
            report.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {Mb(median.ResidentBeforeBytes)} before, then {string.Join(", ", median.ResidentAtTenths.Select(Mb))}");
        }

        return report.ToString();
    }

    private static double Median(IReadOnlyList<EnumerationMeasurement> runs, Func<EnumerationMeasurement, double> value) =>
        MedianOf([.. runs.Select(value).Order()]);

    private static double MedianOf(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}
