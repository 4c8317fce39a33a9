using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>One row per kind of problem: the id, the file, line and column it points at, and that the message names the culprit.</summary>
public sealed class ConfigurationLoaderErrorTests
{
    private const string Profiles = """
        #> exojobs.yaml
        profiles:
          sandbox:
            environment: Sandbox
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate:
              thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567
        """;

    [Theory]
    // ---- YAML itself -------------------------------------------------------------------------------------------
    [InlineData("""
        #> jobs/report.yaml
        name: report
        csharp: [1, 2
        """, ConfigurationDiagnosticIds.YamlSyntax, "jobs/report.yaml", 2, 9, "YAML syntax error: the '[' here is never closed")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          timeout: 15m
         profile: x
        """, ConfigurationDiagnosticIds.YamlSyntax, "exojobs.yaml", 3, 2, "YAML syntax error")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          sandbox:
            environment: Sandbox
            sandbox: { mailboxes: 50
        """, ConfigurationDiagnosticIds.YamlSyntax, "exojobs.yaml", 4, 14, "the '{' here is never closed (the parser stopped at line 5, column 1: While parsing a flow mapping, did not find expected ',' or '}'); end the mapping with '}'")]
    [InlineData("""
        #> exojobs.yaml
        jobs: [jobs/*.yaml, more/*.yaml
        """, ConfigurationDiagnosticIds.YamlSyntax, "exojobs.yaml", 1, 7, "the '[' here is never closed (the parser stopped at line 2, column 1: While parsing a flow sequence, did not find expected ',' or ']'); end the list with ']'")]
    [InlineData("""
        #> jobs/report.yaml
        parameters: { days: { max: 30 }
        csharp: return;
        """, ConfigurationDiagnosticIds.YamlSyntax, "jobs/report.yaml", 1, 13, "the '{' here is never closed")]
    [InlineData("""
        #> jobs/report.yaml
        timeout: *standard
        csharp: return;
        """, ConfigurationDiagnosticIds.YamlSyntax, "jobs/report.yaml", 1, 10, "alias '*standard' refers to no anchor '&standard' defined above it")]
    [InlineData("""
        #> jobs/report.yaml
        csharp: return;
        parameters: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
        """, ConfigurationDiagnosticIds.YamlSyntax, "jobs/report.yaml", 2, 77, "nested more than 64 levels deep")]
    [InlineData("""
        #> jobs/report.yaml
        csharp: return;
        schedule: */5 * * * *
        """, ConfigurationDiagnosticIds.YamlSyntax, "jobs/report.yaml", 2, 15, "must be quoted, e.g. schedule: \"*/5 * * * *\"")]
    [InlineData("""
        #> jobs/report.yaml
        csharp: return;
        ---
        powershell: Get-Date
        """, ConfigurationDiagnosticIds.YamlSyntax, "jobs/report.yaml", 2, 1, "a file holds a single YAML document")]
    [InlineData("""
        #> jobs/report.yaml
        schedule: "0 6 * * *"
        schedule: "0 7 * * *"
        csharp: return;
        """, ConfigurationDiagnosticIds.DuplicateKey, "jobs/report.yaml", 2, 1, "key 'schedule' appears twice (first on line 1)")]
    [InlineData("""
        #> jobs/report.yaml
        csharp: return;
        parameters:
          Days: 30
          days: 60
        """, ConfigurationDiagnosticIds.DuplicateKey, "jobs/report.yaml", 4, 3, "parameter 'days' is already defined on line 3")]
    [InlineData("""
        #> jobs/report.yaml
        # nothing but a comment
        """, ConfigurationDiagnosticIds.FileNotAMapping, "jobs/report.yaml", 1, 1, "it is empty")]
    [InlineData("""
        #> jobs/report.yaml
        - csharp: return;
        """, ConfigurationDiagnosticIds.FileNotAMapping, "jobs/report.yaml", 1, 1, "it holds a list")]
    [InlineData("""
        #> exojobs.yaml
        just a sentence
        """, ConfigurationDiagnosticIds.FileNotAMapping, "exojobs.yaml", 1, 1, "exojobs.yaml must be a mapping of keys (profiles, defaults, jobs, history)")]
    // ---- keys and types ----------------------------------------------------------------------------------------
    [InlineData("""
        #> jobs/report.yaml
        schedul: "0 6 * * *"
        csharp: return;
        """, ConfigurationDiagnosticIds.UnknownKey, "jobs/report.yaml", 1, 1, "unknown key 'schedul' in a job file; did you mean 'schedule'?")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          timezone: UTC
        """, ConfigurationDiagnosticIds.UnknownKey, "exojobs.yaml", 2, 3, "unknown key 'timezone' in the defaults section; did you mean 'timeZone'?")]
    [InlineData("""
        #> exojobs.yaml
        jobz: jobs/*.yaml
        """, ConfigurationDiagnosticIds.UnknownKey, "exojobs.yaml", 1, 1, "unknown key 'jobz' in exojobs.yaml; did you mean 'jobs'?")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          colour: blue
        """, ConfigurationDiagnosticIds.UnknownKey, "exojobs.yaml", 2, 3, "unknown key 'colour' in the defaults section; expected one of: profile, timeZone, timeout")]
    [InlineData("""
        #> jobs/report.yaml
        enabled: maybe
        csharp: return;
        """, ConfigurationDiagnosticIds.WrongType, "jobs/report.yaml", 1, 10, "'enabled' must be true or false, not 'maybe'")]
    [InlineData("""
        #> exojobs.yaml
        defaults: UTC
        """, ConfigurationDiagnosticIds.WrongType, "exojobs.yaml", 1, 11, "'defaults' must be a mapping")]
    [InlineData("""
        #> jobs/report.yaml
        description:
          text: a mapping
        csharp: return;
        """, ConfigurationDiagnosticIds.WrongType, "jobs/report.yaml", 2, 3, "'description' must be a single value, not a mapping")]
    [InlineData("""
        #> jobs/report.yaml
        csharp: return;
        parameters:
          mailboxes: [a, b]
        """, ConfigurationDiagnosticIds.WrongType, "jobs/report.yaml", 3, 14, "parameter 'mailboxes' must be a single default value, not a list")]
    [InlineData("""
        #> exojobs.yaml
        history:
          keepDays: thirty
        """, ConfigurationDiagnosticIds.WrongType, "exojobs.yaml", 2, 13, "'keepDays' must be a whole number, not 'thirty'")]
    [InlineData("""
        #> exojobs.yaml
        history:
          keepRuns: 0
        """, ConfigurationDiagnosticIds.InvalidValue, "exojobs.yaml", 2, 13, "'keepRuns' must be at least 1, not 0")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          lab:
            environment: Sandbx
        """, ConfigurationDiagnosticIds.InvalidValue, "exojobs.yaml", 3, 18, "unknown environment 'Sandbx'; did you mean 'Sandbox'?")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: my-app
            organization: contoso.onmicrosoft.com
            certificate: { thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }
        """, ConfigurationDiagnosticIds.InvalidValue, "exojobs.yaml", 3, 12, "'appId' must be the application (client) id")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate: { thumbprint: "\u200E0123456789ABCDEF0123456789ABCDEF01234567" }
        """, ConfigurationDiagnosticIds.InvalidValue, "exojobs.yaml", 5, 32, "'thumbprint' contains an invisible character (U+200E)")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate: { thumbprint: 0123ABCD, store: CurrentUser }
        """, ConfigurationDiagnosticIds.InvalidValue, "exojobs.yaml", 5, 32, "'thumbprint' must be the certificate's SHA-1 thumbprint, 40 hexadecimal characters, not '0123ABCD'")]
    [InlineData("""
        #> jobs/weekly report.yaml
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidValue, "jobs/weekly report.yaml", 1, 1, "job name 'weekly report' (taken from the file name")]
    // ---- profiles ----------------------------------------------------------------------------------------------
    [InlineData(Profiles + """

        #> jobs/report.yaml
        profile: contso
        csharp: return;
        """, ConfigurationDiagnosticIds.UnknownProfile, "jobs/report.yaml", 1, 10, "unknown profile 'contso'; did you mean 'contoso'? known profiles: contoso, sandbox")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          profile: production
        """, ConfigurationDiagnosticIds.UnknownProfile, "exojobs.yaml", 2, 12, "unknown profile 'production'; exojobs.yaml defines no profiles")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            certificate: { thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }
        """, ConfigurationDiagnosticIds.MissingProfileKey, "exojobs.yaml", 2, 3, "profile 'contoso' is missing 'organization'")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: 6c1e3a4b-0000-4000-8000-123456789abc
            certificate: { thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }
        """, ConfigurationDiagnosticIds.OrganizationIsTenantId, "exojobs.yaml", 4, 19, "use the tenant's *.onmicrosoft.com domain, e.g. contoso.onmicrosoft.com, not the tenant id")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.com
            certificate: { thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }
        """, ConfigurationDiagnosticIds.OrganizationNotInitialDomain, "exojobs.yaml", 4, 19, "'organization' is 'contoso.com', not the tenant's initial domain (*.onmicrosoft.com)")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate:
              thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567
              path: certs/app.pfx
        """, ConfigurationDiagnosticIds.InvalidCertificateSource, "exojobs.yaml", 7, 7, "'certificate' has both 'thumbprint' and 'path'")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate: {}
        """, ConfigurationDiagnosticIds.InvalidCertificateSource, "exojobs.yaml", 5, 5, "'certificate' names no certificate")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate:
              store: LocalMachine
        """, ConfigurationDiagnosticIds.InvalidCertificateSource, "exojobs.yaml", 6, 7, "'store' without 'thumbprint' in 'certificate'")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate:
              key: certs/app.key
        """, ConfigurationDiagnosticIds.InvalidCertificateSource, "exojobs.yaml", 6, 7, "'key' without 'pem' in 'certificate'")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate:
              path: certs/app.pfx
              password: hunter2-Secret!
        """, ConfigurationDiagnosticIds.LiteralPassword, "exojobs.yaml", 7, 17, "never write a password in YAML: use password: { env: NAME } or { file: path }")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          contoso:
            appId: 3f2a1c4e-1111-4222-8333-944445555666
            organization: contoso.onmicrosoft.com
            certificate: { thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567 }
            sandbox: { mailboxes: 10 }
        """, ConfigurationDiagnosticIds.SandboxOptionsWithoutSandbox, "exojobs.yaml", 6, 5, "profile 'contoso' has 'sandbox' options but its environment is O365Default")]
    // ---- job bodies ----------------------------------------------------------------------------------------
    [InlineData("""
        #> jobs/report.yaml
        description: forgot the code
        """, ConfigurationDiagnosticIds.NoBody, "jobs/report.yaml", 1, 1, "the job has no body; add one of csx:")]
    [InlineData("""
        #> jobs/report.yaml
        csx: report.csx
        powershell: Get-Mailbox
        #> jobs/report.csx
        return;
        """, ConfigurationDiagnosticIds.MultipleBodies, "jobs/report.yaml", 2, 1, "the job has two bodies, 'csx' (line 1) and 'powershell'")]
    [InlineData("""
        #> jobs/report.yaml
        name: report
        csx: scripts/report.csx
        """, ConfigurationDiagnosticIds.BodyFileNotFound, "jobs/report.yaml", 2, 1, "jobs/scripts/report.csx' named by 'csx: scripts/report.csx' does not exist")]
    [InlineData("""
        #> jobs/report.yaml
        powershell: >
          Get-Mailbox
          | Select-Object Name
        """, ConfigurationDiagnosticIds.InlineBodyNotLiteral, "jobs/report.yaml", 1, 13, "write it as a literal block: 'powershell: |'")]
    [InlineData("""
        #> jobs/a.yaml
        name: Report
        csharp: return;
        #> jobs/b.yaml
        name: report
        csharp: return;
        """, ConfigurationDiagnosticIds.DuplicateJobName, "jobs/b.yaml", 1, 1, "job name 'report' is already used by '{root}/jobs/a.yaml'")]
    // ---- schedule, time zone, timeout --------------------------------------------------------------------
    [InlineData("""
        #> jobs/report.yaml
        schedule: "0 6 * *"
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidCron, "jobs/report.yaml", 1, 11, "'schedule' is not a valid cron expression: '0 6 * *': it has 4 fields")]
    [InlineData("""
        #> jobs/report.yaml
        schedule: 61 * * * *
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidCron, "jobs/report.yaml", 1, 11, "'61 * * * *': The given cron expression has an invalid format. Minutes")]
    [InlineData("""
        #> jobs/report.yaml
        timeZone: Europe/Berln
        csharp: return;
        """, ConfigurationDiagnosticIds.UnknownTimeZone, "jobs/report.yaml", 1, 11, "unknown time zone 'Europe/Berln' in 'timeZone'; did you mean 'Europe/Berlin'?")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          timeZone: Mars/Olympus_Mons
        """, ConfigurationDiagnosticIds.UnknownTimeZone, "exojobs.yaml", 2, 13, "unknown time zone 'Mars/Olympus_Mons'")]
    [InlineData("""
        #> jobs/report.yaml
        timeout: 15 min
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidDuration, "jobs/report.yaml", 1, 10, "'timeout' is not a duration: '15 min'")]
    [InlineData("""
        #> jobs/report.yaml
        timeout: 90
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidDuration, "jobs/report.yaml", 1, 10, "'timeout' is not a duration: '90'; write a number with a unit")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          timeout: 0s
        """, ConfigurationDiagnosticIds.InvalidDuration, "exojobs.yaml", 2, 12, "'timeout' must be longer than zero, not '0s'")]
    // ---- files ------------------------------------------------------------------------------------------------
    [InlineData("""
        #> exojobs.yaml
        jobs: [scheduled/*.yaml, adhoc/*.yaml]
        """, ConfigurationDiagnosticIds.NoJobFilesMatched, "exojobs.yaml", 1, 7, "no job file matches 'jobs: scheduled/*.yaml, adhoc/*.yaml'")]
    [InlineData("""
        #> jobs/report.yaml
        csx: /proc/self/mem
        """, ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.yaml", 1, 1, "body file '/proc/self/mem' (it leads to '/proc/")]
    [InlineData("""
        #> jobs/report.yaml
        csx: ../../report.csx
        """, ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.yaml", 1, 1, "it was not read")]
    [InlineData("""
        #> jobs/report.yaml
        ps1: lib
        #> jobs/lib/helper.ps1
        Get-Date
        """, ConfigurationDiagnosticIds.NotARegularFile, "jobs/report.yaml", 1, 1, "/jobs/lib' is a folder, not a regular file; it was not read")]
    // ---- values the runtime cannot honour --------------------------------------------------------------------
    [InlineData("""
        #> exojobs.yaml
        profiles:
          sandbox:
            environment: Sandbox
            sandbox: { faults: "503:2" }
        """, ConfigurationDiagnosticIds.InvalidFaultSpec, "exojobs.yaml", 4, 24, "'faults' is not a fault spec: Fault spec entry 1 ('503:2')")]
    [InlineData("""
        #> exojobs.yaml
        profiles:
          sandbox:
            environment: Sandbox
            sandbox:
              faults: teapot:0.5
        """, ConfigurationDiagnosticIds.InvalidFaultSpec, "exojobs.yaml", 5, 15, "unknown fault 'teapot'")]
    [InlineData("""
        #> jobs/report.yaml
        timeout: 60d
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidDuration, "jobs/report.yaml", 1, 10, "'timeout' is '60d', longer than the 24d a run can wait; write 24d or less")]
    [InlineData("""
        #> exojobs.yaml
        defaults:
          timeout: 24d1s
        """, ConfigurationDiagnosticIds.InvalidDuration, "exojobs.yaml", 2, 12, "longer than the 24d a run can wait")]
    [InlineData("""
        #> jobs/report.yaml
        retries: { count: 2, delay: 30d }
        csharp: return;
        """, ConfigurationDiagnosticIds.InvalidDuration, "jobs/report.yaml", 1, 29, "'delay' is '30d', longer than the 24d a run can wait")]
    [InlineData("""
        #> jobs/report.yaml
        schedule: "0 0 30 2 *"
        csharp: return;
        """, ConfigurationDiagnosticIds.ScheduleNeverFires, "jobs/report.yaml", 1, 11, "'schedule' '0 0 30 2 *' never fires")]
    [InlineData("""
        #> jobs/report.yaml
        schedule: "0 0 31 4,6,9,11 *"
        csharp: return;
        """, ConfigurationDiagnosticIds.ScheduleNeverFires, "jobs/report.yaml", 1, 11, "never fires: no date matches it")]
    // ---- empty bodies ------------------------------------------------------------------------------------------
    [InlineData("""
        #> jobs/report.yaml
        csharp: |
        schedule: "0 6 * * *"
        """, ConfigurationDiagnosticIds.EmptyBody, "jobs/report.yaml", 1, 1, "'csharp' holds no code; write the code indented on the lines below 'csharp: |'")]
    [InlineData("""
        #> jobs/report.yaml
        powershell: |


        """, ConfigurationDiagnosticIds.EmptyBody, "jobs/report.yaml", 1, 1, "'powershell' holds no code")]
    [InlineData("""
        #> jobs/report.yaml
        csharp:
        """, ConfigurationDiagnosticIds.EmptyBody, "jobs/report.yaml", 1, 1, "'csharp' holds no code")]
    [InlineData("""
        #> jobs/report.yaml
        ps1: report.ps1
        #> jobs/report.ps1

        """, ConfigurationDiagnosticIds.EmptyBody, "jobs/report.yaml", 1, 1, "body file '{root}/jobs/report.ps1' named by 'ps1: report.ps1' holds no code")]
    public void Load_ReportsEachProblem_AtItsFileLineAndColumn(
        string layout, string id, string file, int line, int column, string messageFragment)
    {
        using var folder = ConfigFolder.FromLayout(layout).WithJobUnlessPresent();

        var result = folder.Load();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(new SourceLocation(folder.PathOf(file), line, column), diagnostic.Location);
        Assert.Contains(messageFragment.Replace("{root}", folder.Root, StringComparison.Ordinal), diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(diagnostic.IsError, result.Configuration is null);
    }

    [Theory]
    [InlineData("missing/exojobs.yaml", "configuration file '{root}/missing/exojobs.yaml' not found")]
    [InlineData("jobs", "'{root}/jobs' is a folder, not a configuration file")]
    public void Load_ReportsMissingConfigFile_WithoutLocation_AndSaysHowToPointAtOne(string relativePath, string messageFragment)
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();

        var result = ConfigurationLoader.Load(folder.PathOf(relativePath));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ConfigurationDiagnosticIds.ConfigFileNotFound, diagnostic.Id);
        Assert.Null(diagnostic.Location);
        Assert.Null(result.Configuration);
        Assert.Contains(messageFragment.Replace("{root}", folder.Root, StringComparison.Ordinal), diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("create exojobs.yaml there, pass --config <path to exojobs.yaml>, or set EXOJOBS_CONFIG", diagnostic.Message, StringComparison.Ordinal);
    }
}
