using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Core.Tests.Configuration;

public sealed class ConfigurationLoaderTests
{
    private const string FullLayout = """
        #> exojobs.yaml
        profiles:
          sandbox:
            environment: Sandbox
            sandbox: { mailboxes: 40, seed: 7 }
          contoso:
            appId: 3F2A1C4E-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate:
              thumbprint: 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67
              store: LocalMachine
          fabrikam:
            environment: O365USGovGCCHigh
            appId: 9d8c7b6a-2222-4333-8444-955556666777
            organization: fabrikam.onmicrosoft.us
            certificate:
              path: certs/fabrikam.pfx
              password: { env: EXO_PFX_PASSWORD }
          woodgrove:
            appId: 11111111-2222-4333-8444-555555555555
            organization: woodgrove.onmicrosoft.com
            certificate:
              path: certs/woodgrove.pfx
              password: { file: secrets/pfx.txt }
          tailspin:
            environment: O365China
            appId: 22222222-3333-4444-8555-666666666666
            organization: tailspin.partner.onmschina.cn
            certificate: { pem: certs/tailspin.pem, key: certs/tailspin.key }
        defaults:
          profile: sandbox
          timeZone: Europe/Berlin
          timeout: 15m
        jobs: [jobs/*.yaml, more/**/*.yaml]
        history:
          path: data/history.db
          runs: data/runs
          keepDays: 30
          keepRuns: 100
        #> jobs/mailbox-report.yaml
        name: mailbox-report
        description: Weekly mailbox sizes
        profile: contoso
        schedule: "0 6 * * 1"
        timeZone: W. Europe Standard Time
        timeout: 1h30m
        enabled: false
        parameters:
          days: 30
          format: csv
        csx: mailbox-report.csx
        #> jobs/mailbox-report.csx
        Log.LogInformation("mailboxes");
        #> more/deep/stale-guests.yaml
        schedule: "*/30 * * * * *"
        ps1: ../../scripts/stale-guests.ps1
        #> scripts/stale-guests.ps1
        Get-Mailbox -ResultSize Unlimited
        """;

    [Fact]
    public void Load_ReadsEveryValue_OfAFullConfiguration()
    {
        using var folder = ConfigFolder.FromLayout(FullLayout);

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var configuration = Assert.IsType<RunnerConfiguration>(result.Configuration);
        Assert.Equal(folder.ConfigPath, configuration.FilePath);
        Assert.Equal(folder.Root, configuration.BaseDirectory);
        Assert.Equal(["jobs/*.yaml", "more/**/*.yaml"], configuration.JobPatterns);

        Assert.Equal(["contoso", "fabrikam", "sandbox", "tailspin", "woodgrove"], configuration.Profiles.Keys.Order(StringComparer.Ordinal));
        var sandbox = configuration.Profiles["sandbox"];
        Assert.Equal(ExchangeEnvironment.Sandbox, sandbox.Environment);
        Assert.Equal(new SandboxOptions(40, 7), sandbox.Sandbox);
        Assert.Equal(new SourceLocation(folder.ConfigPath, 2, 3), sandbox.Location);

        var contoso = configuration.Profiles["contoso"];
        Assert.Equal(ExchangeEnvironment.O365Default, contoso.Environment);
        Assert.Equal("3f2a1c4e-1111-4222-8333-944445555666", contoso.AppId);
        Assert.Equal("contoso.onmicrosoft.com", contoso.Organization);
        Assert.Equal(
            new CertificateSource { Thumbprint = "0123456789ABCDEF0123456789ABCDEF01234567", Store = CertificateStoreScope.LocalMachine },
            contoso.Certificate);
        Assert.Null(contoso.Sandbox);

        Assert.Equal(ExchangeEnvironment.O365USGovGCCHigh, configuration.Profiles["fabrikam"].Environment);
        Assert.Equal(
            new CertificateSource { PfxPath = folder.PathOf("certs/fabrikam.pfx"), PfxPassword = new SecretReference("EXO_PFX_PASSWORD", null) },
            configuration.Profiles["fabrikam"].Certificate);
        Assert.Equal(
            new CertificateSource { PfxPath = folder.PathOf("certs/woodgrove.pfx"), PfxPassword = new SecretReference(null, folder.PathOf("secrets/pfx.txt")) },
            configuration.Profiles["woodgrove"].Certificate);
        Assert.Equal(
            new CertificateSource { PemCertificatePath = folder.PathOf("certs/tailspin.pem"), PemKeyPath = folder.PathOf("certs/tailspin.key") },
            configuration.Profiles["tailspin"].Certificate);

        Assert.Equal("sandbox", configuration.Defaults.ProfileName);
        Assert.Equal("Europe/Berlin", configuration.Defaults.TimeZone.Id);
        Assert.Equal(TimeSpan.FromMinutes(15), configuration.Defaults.Timeout);

        Assert.Equal(
            new HistorySettings { DatabasePath = folder.PathOf("data/history.db"), RunsDirectory = folder.PathOf("data/runs"), KeepDays = 30, KeepRuns = 100 },
            configuration.History);

        Assert.Equal(["mailbox-report", "stale-guests"], configuration.Jobs.Select(job => job.Name));
        var report = configuration.Jobs[0];
        Assert.Equal(folder.PathOf("jobs/mailbox-report.yaml"), report.FilePath);
        Assert.Equal("Weekly mailbox sizes", report.Description);
        Assert.Equal("contoso", report.ProfileName);
        Assert.Equal("0 6 * * 1", report.Schedule?.Expression);
        Assert.False(report.Schedule?.IncludesSeconds);
        Assert.True(report.TimeZone.HasSameRules(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
        Assert.Equal(new TimeSpan(1, 30, 0), report.Timeout);
        Assert.False(report.Enabled);
        Assert.Equal(new Dictionary<string, string> { ["days"] = "30", ["format"] = "csv" }, report.Parameters);
        Assert.Equal(new JobBody(BodyLanguage.CSharp, "Log.LogInformation(\"mailboxes\");\n", folder.PathOf("jobs/mailbox-report.csx"), false, 0, 0), report.Body);
        Assert.Equal(new SourceLocation(folder.PathOf("jobs/mailbox-report.yaml"), 1, 1), report.Location);
        Assert.Same(report, configuration.FindJob("MAILBOX-REPORT"));

        var guests = configuration.Jobs[1];
        Assert.Equal(folder.PathOf("more/deep/stale-guests.yaml"), guests.FilePath);
        Assert.Equal("sandbox", guests.ProfileName);
        Assert.True(guests.Schedule?.IncludesSeconds);
        Assert.Equal("Europe/Berlin", guests.TimeZone.Id);
        Assert.Equal(TimeSpan.FromMinutes(15), guests.Timeout);
        Assert.True(guests.Enabled);
        Assert.Empty(guests.Parameters);
        Assert.Equal(new JobBody(BodyLanguage.PowerShell, "Get-Mailbox -ResultSize Unlimited\n", folder.PathOf("scripts/stale-guests.ps1"), false, 0, 0), guests.Body);
    }

    [Fact]
    public void Load_UsesDocumentedDefaults_ForAnEmptyConfigFile()
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var configuration = Assert.IsType<RunnerConfiguration>(result.Configuration);
        Assert.Empty(configuration.Profiles);
        Assert.Equal(["jobs/*.yaml"], configuration.JobPatterns);
        Assert.Equal(new HistorySettings { DatabasePath = folder.PathOf(".exojobs/history.db"), RunsDirectory = folder.PathOf(".exojobs/runs") }, configuration.History);
        var job = Assert.Single(configuration.Jobs);
        Assert.Equal("ok", job.Name);
        Assert.Null(job.ProfileName);
        Assert.Null(job.Schedule);
        Assert.Same(TimeZoneInfo.Utc, job.TimeZone);
        Assert.Equal(JobDefaults.DefaultTimeout, job.Timeout);
    }

    [Theory]
    [InlineData("",                                      "sandbox", "Europe/Berlin",   "00:15:00")]
    [InlineData("profile: contoso\n",                    "contoso", "Europe/Berlin",   "00:15:00")]
    [InlineData("timeZone: America/New_York\n",          "sandbox", "America/New_York", "00:15:00")]
    [InlineData("timeout: 2h\n",                         "sandbox", "Europe/Berlin",   "02:00:00")]
    [InlineData("profile:\ntimeZone: \ntimeout: ~\n",    "sandbox", "Europe/Berlin",   "00:15:00")]
    public void Load_JobsInheritDefaults_UnlessTheyOverrideThem(string jobKeys, string profile, string timeZone, string timeout)
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            profiles:
              sandbox: { environment: Sandbox }
              contoso: { environment: Sandbox }
            defaults: { profile: sandbox, timeZone: Europe/Berlin, timeout: 15m }
            """);
        folder.Write("jobs/job.yaml", jobKeys + ConfigFolder.MinimalJob);

        var job = Assert.Single(Assert.IsType<RunnerConfiguration>(folder.Load().Configuration).Jobs);

        Assert.Equal(profile, job.ProfileName);
        Assert.Equal(timeZone, job.TimeZone.Id);
        Assert.Equal(TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), job.Timeout);
    }

    [Theory]
    [InlineData("030",              "030")]
    [InlineData("1.50",             "1.50")]
    [InlineData("true",             "true")]
    [InlineData("2024-01-01",       "2024-01-01")]
    [InlineData("0x1F",             "0x1F")]
    [InlineData("'quoted: text'",   "quoted: text")]
    [InlineData("\"tab\\there\"",   "tab\there")]
    [InlineData("",                 "")]
    public void Load_KeepsParameterDefaults_AsTheStringsWritten(string yamlValue, string expected)
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();
        folder.Write("jobs/ok.yaml", $"parameters:\n  value: {yamlValue}\n" + ConfigFolder.MinimalJob);

        var job = Assert.Single(Assert.IsType<RunnerConfiguration>(folder.Load().Configuration).Jobs);

        Assert.Equal(expected, job.Parameters["VALUE"]);
    }

    [Fact]
    public void Load_ReportsEveryProblem_NotJustTheFirst_InFileAndLineOrder()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            defaults:
              timeout: soon
            #> jobs/report.yaml
            schedule: "0 25 * * *"
            enabled: maybe
            csharp: return;
            description: [not, a, single, value]
            """);

        var result = folder.Load();

        Assert.Null(result.Configuration);
        Assert.Equal(
            [
                (ConfigurationDiagnosticIds.InvalidDuration, new SourceLocation(folder.ConfigPath, 2, 12)),
                (ConfigurationDiagnosticIds.InvalidCron, new SourceLocation(folder.PathOf("jobs/report.yaml"), 1, 11)),
                (ConfigurationDiagnosticIds.WrongType, new SourceLocation(folder.PathOf("jobs/report.yaml"), 2, 10)),
                (ConfigurationDiagnosticIds.WrongType, new SourceLocation(folder.PathOf("jobs/report.yaml"), 4, 14)),
            ],
            result.Diagnostics.Select(diagnostic => (diagnostic.Id, diagnostic.Location)));
    }

    [Fact]
    public void Load_PrintsDiagnostics_InMsBuildShape()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> jobs/report.yaml
            csharp: return;
            tmeout: 15m
            """).WithJobUnlessPresent();

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(
            $"{folder.PathOf("jobs/report.yaml")}(2,1): error EXOCFG002: unknown key 'tmeout' in a job file; did you mean 'timeout'?",
            diagnostic.ToString());
        Assert.Equal(
            "warning EXOCFG028: no job file matches",
            ExoDiagnostic.Warning(ConfigurationDiagnosticIds.NoJobFilesMatched, "no job file matches", null).ToString());
    }

    [Fact]
    public void Load_AcceptsARelativeConfigPath_AndReturnsAbsolutePaths()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> jobs/report.yaml
            csx: report.csx
            #> jobs/report.csx
            return;
            """).WithJobUnlessPresent();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.ConfigPath);

        var configuration = Assert.IsType<RunnerConfiguration>(ConfigurationLoader.Load(relative).Configuration);

        Assert.False(Path.IsPathRooted(relative));
        Assert.Equal(folder.ConfigPath, configuration.FilePath);
        Assert.Equal(folder.PathOf("jobs/report.csx"), Assert.Single(configuration.Jobs).Body.FilePath);
    }

    [Fact]
    public void Load_OrdersJobsByName_AndNeverTakesExojobsYamlForAJob()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            jobs: "**/*.yaml"
            #> a-file.yaml
            name: zulu
            csharp: return;
            #> nested/z-file.yaml
            name: Alpha
            csharp: return;
            #> m-file.yaml
            name: mike
            powershell: Get-Date
            """);

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["Alpha", "mike", "zulu"], Assert.IsType<RunnerConfiguration>(result.Configuration).Jobs.Select(job => job.Name));
    }

    [Theory]
    [InlineData("password: hunter2-Secret!")]
    [InlineData("password: \"hunter2-Secret!\"")]
    [InlineData("password: { env: hunter2-Secret! }")]
    [InlineData("password: [hunter2-Secret!]")]
    public void Load_NeverRepeatsAPassword_WrittenInTheFile(string passwordLine)
    {
        using var folder = ConfigFolder.FromLayout($"""
            #> exojobs.yaml
            profiles:
              contoso:
                appId: 3f2a1c4e-1111-4222-8333-944445555666
                organization: contoso.onmicrosoft.com
                certificate:
                  path: certs/app.pfx
                  {passwordLine}
            """).WithJobUnlessPresent();

        var result = folder.Load();

        Assert.Null(result.Configuration);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, diagnostic => Assert.DoesNotContain("hunter2", diagnostic.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ResolvesAliases_ToTheirAnchoredValues()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> jobs/report.yaml
            parameters:
              first: &shared 5
              second: *shared
            csharp: return;
            """).WithJobUnlessPresent();

        var job = Assert.Single(Assert.IsType<RunnerConfiguration>(folder.Load().Configuration).Jobs);

        Assert.Equal("5", job.Parameters["second"]);
    }
}
