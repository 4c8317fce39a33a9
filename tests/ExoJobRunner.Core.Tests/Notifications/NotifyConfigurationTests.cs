using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Tests.Configuration;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Core.Tests.Notifications;

/// <summary><c>notify:</c> under <c>defaults:</c> and in job files: what it loads into, and every mistake at its position.</summary>
public sealed class NotifyConfigurationTests
{
    [Fact]
    public void Load_ReadsEveryKindOfTarget_AndLetsAJobReplaceEachListOfTheDefaults()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            defaults:
              notify:
                onFailure:
                  - webhook:
                      url: { env: OPS_WEBHOOK_URL }
                      format: teams
                  - command:
                      program: scripts/page-oncall.sh
                      args: [--team, exchange]
                onSuccess:
                  - webhook:
                      url: https://hooks.example.com/exojobs
                      headers:
                        Authorization: { file: secrets/hook-token }
                        X-Source: exojobs
            #> jobs/inherits.yaml
            csharp: return;
            #> jobs/own-failure.yaml
            notify:
              onFailure:
                - command: { program: logger, args: exojobs failed }
            csharp: return;
            #> jobs/quiet.yaml
            notify:
              onFailure: []
              onSuccess:
            csharp: return;
            """);

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var configuration = result.Configuration!;
        var defaults = configuration.Defaults.Notifications;
        Assert.Equal(2, defaults.OnFailure.Count);
        var teams = Assert.IsType<WebhookTarget>(defaults.OnFailure[0]);
        Assert.Equal((new SecretReference("OPS_WEBHOOK_URL", null), WebhookFormat.Teams), (teams.Url.Secret, teams.Format));
        Assert.Empty(teams.Headers);
        var page = Assert.IsType<CommandTarget>(defaults.OnFailure[1]);
        Assert.Equal(folder.PathOf("scripts/page-oncall.sh"), page.Program);
        Assert.Equal(["--team", "exchange"], page.Arguments);
        var success = Assert.IsType<WebhookTarget>(Assert.Single(defaults.OnSuccess));
        Assert.Equal(("https://hooks.example.com/exojobs", WebhookFormat.Json), (success.Url.LiteralValue, success.Format));
        Assert.Equal(["Authorization", "X-Source"], success.Headers.Select(header => header.Name));
        Assert.Equal(new SecretReference(null, folder.PathOf("secrets/hook-token")), success.Headers[0].Value.Secret);
        Assert.Equal("exojobs", success.Headers[1].Value.LiteralValue);

        Assert.Same(defaults, configuration.FindJob("inherits")!.Notifications);

        var ownFailure = configuration.FindJob("own-failure")!.Notifications;
        var logger = Assert.IsType<CommandTarget>(Assert.Single(ownFailure.OnFailure));
        Assert.Equal("logger", logger.Program);
        Assert.Equal(["exojobs failed"], logger.Arguments);
        Assert.Same(defaults.OnSuccess, ownFailure.OnSuccess);

        var quiet = configuration.FindJob("quiet")!.Notifications;
        Assert.Empty(quiet.OnFailure);
        Assert.Same(defaults.OnSuccess, quiet.OnSuccess);
    }

    [Fact]
    public void Load_SendsACompletedWithErrorsRunToOnFailure_UnlessTheJobOrItsDefaultsSayOnSuccess()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            defaults:
              notify:
                completedWithErrors: onSuccess
            #> jobs/inherits.yaml
            powershell: Get-Date
            #> jobs/own.yaml
            notify: { completedWithErrors: onFailure }
            powershell: Get-Date
            """);

        var configuration = folder.Load().Configuration!;

        Assert.False(JobNotifications.None.CompletedWithErrorsAsSuccess);
        var inherits = configuration.FindJob("inherits")!.Notifications;
        var own = configuration.FindJob("own")!.Notifications;
        Assert.Same(inherits.OnSuccess, inherits.TargetsFor(RunStatus.CompletedWithErrors));
        Assert.Same(own.OnFailure, own.TargetsFor(RunStatus.CompletedWithErrors));
        Assert.Same(own.OnFailure, own.TargetsFor(RunStatus.Failed));
        Assert.Same(own.OnSuccess, own.TargetsFor(RunStatus.Succeeded));
    }

    [Fact]
    public void Load_GivesNoTargets_WhenNothingIsSaid()
    {
        using var folder = new ConfigFolder().WithJobUnlessPresent();

        var job = Assert.Single(folder.Load().Configuration!.Jobs);

        Assert.Same(JobNotifications.None, job.Notifications);
    }

    [Theory]
    [InlineData("""
        notify: [a]
        """, ConfigurationDiagnosticIds.WrongType, 1, 9, "'notify' must be a mapping")]
    [InlineData("""
        notify:
          onFailur: []
        """, ConfigurationDiagnosticIds.UnknownKey, 2, 3, "unknown key 'onFailur' in the notify setting; did you mean 'onFailure'?")]
    [InlineData("""
        notify:
          onFailure: { webhook: { url: https://hooks.example.com/x } }
        """, ConfigurationDiagnosticIds.WrongType, 2, 14, "'onFailure' must be a list of targets (- webhook: { url: … } or - command: { program: … }), not a mapping")]
    [InlineData("""
        notify:
          onFailure:
            - https://hooks.example.com/x
        """, ConfigurationDiagnosticIds.WrongType, 3, 7, "each item of 'onFailure' must be a target such as - webhook: { url: … } or - command: { program: … }, not a single value")]
    [InlineData("""
        notify:
          onSuccess:
            - {}
        """, ConfigurationDiagnosticIds.InvalidNotificationTarget, 3, 7, "an item of 'onSuccess' names no target")]
    [InlineData("""
        notify:
          onFailure:
            - webhok: { url: https://hooks.example.com/x }
        """, ConfigurationDiagnosticIds.UnknownKey, 3, 7, "unknown key 'webhok' in a notification target; did you mean 'webhook'?")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: https://hooks.example.com/x }
              command: { program: logger }
        """, ConfigurationDiagnosticIds.InvalidNotificationTarget, 4, 7, "is either a webhook or a command, not both")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: https://hooks.example.com/x
        """, ConfigurationDiagnosticIds.WrongType, 3, 16, "'webhook' must be a mapping such as webhook: { url: https://…, format: teams }")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { format: slack }
        """, ConfigurationDiagnosticIds.InvalidNotificationTarget, 3, 7, "'webhook' needs 'url'")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: https://hooks.example.com/x, header: { X-Source: exojobs } }
        """, ConfigurationDiagnosticIds.UnknownKey, 3, 52, "unknown key 'header' in a webhook; did you mean 'headers'?")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: ftp://files.example.com/drop }
        """, ConfigurationDiagnosticIds.InvalidWebhookUrl, 3, 23, "'url' must be an absolute http:// or https:// URL")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: hooks.example.com/exojobs }
        """, ConfigurationDiagnosticIds.InvalidWebhookUrl, 3, 23, "'url' must be an absolute http:// or https:// URL")]
    [InlineData("""
        notify:
          onFailure:
            - webhook:
                url:
        """, ConfigurationDiagnosticIds.InvalidWebhookUrl, 4, 9, "'url' is empty")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: "https://ops:hunter2@hooks.example.com/x" }
        """, ConfigurationDiagnosticIds.LiteralWebhookCredential, 3, 23, "'url' holds a user name and password; never write credentials in YAML")]
    [InlineData("""
        notify:
          onFailure:
            - webhook:
                url: https://hooks.example.com/x
                headers:
                  Authorization: Bearer hunter2
        """, ConfigurationDiagnosticIds.LiteralWebhookCredential, 6, 26, "the value of header 'Authorization' is written in the YAML file; never write a credential in YAML")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: { env: OPS_WEBHOOK_URL, file: secrets/url } }
        """, ConfigurationDiagnosticIds.InvalidSecretReference, 3, 18, "'url' must name exactly one of env: NAME (an environment variable) or file: path")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: { env: "https://hooks.example.com/x" } }
        """, ConfigurationDiagnosticIds.InvalidValue, 3, 30, "'env' must be the name of an environment variable")]
    [InlineData("""
        notify:
          onFailure:
            - webhook: { url: https://hooks.example.com/x, format: teems }
        """, ConfigurationDiagnosticIds.InvalidValue, 3, 60, "'format' must be one of json, teams, slack, not 'teems'; did you mean 'teams'?")]
    [InlineData("""
        notify:
          onFailure:
            - webhook:
                url: https://hooks.example.com/x
                headers: { "X Source": exojobs }
        """, ConfigurationDiagnosticIds.InvalidValue, 5, 20, "'X Source' is not an HTTP header name")]
    [InlineData("""
        notify:
          onFailure:
            - webhook:
                url: https://hooks.example.com/x
                headers:
                  X-Source:
        """, ConfigurationDiagnosticIds.InvalidValue, 6, 11, "header 'X-Source' has no value")]
    [InlineData("""
        notify:
          onFailure:
            - command: { args: [--team, exchange] }
        """, ConfigurationDiagnosticIds.InvalidNotificationTarget, 3, 7, "'command' needs 'program'")]
    [InlineData("""
        notify:
          onFailure:
            - command: { program: "" }
        """, ConfigurationDiagnosticIds.InvalidNotificationTarget, 3, 18, "'program' is empty")]
    [InlineData("""
        notify:
          onFailure:
            - command: scripts/page-oncall.sh --team exchange
        """, ConfigurationDiagnosticIds.WrongType, 3, 16, "'command' must be a mapping such as command: { program: /usr/local/bin/page-oncall, args: [--team, exchange] }")]
    [InlineData("""
        notify:
          onFailure:
            - command: { program: logger, args: { team: exchange } }
        """, ConfigurationDiagnosticIds.WrongType, 3, 41, "'args' must be a single value or a list of values, not a mapping")]
    public void Load_ReportsABadNotifyInAJobFile_AtItsPosition(string notify, string id, int line, int column, string message)
    {
        using var folder = ConfigFolder.FromLayout($"""
            #> exojobs.yaml
            #> jobs/report.yaml
            {notify}
            csharp: return;
            """);

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(new SourceLocation(folder.PathOf("jobs/report.yaml"), line, column), diagnostic.Location);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("files.example.com", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsABadNotifyInDefaults_InExojobsYaml()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            defaults:
              notify:
                onFailure:
                  - command: {}
            """).WithJobUnlessPresent();

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(ConfigurationDiagnosticIds.InvalidNotificationTarget, diagnostic.Id);
        Assert.Equal(new SourceLocation(folder.PathOf("exojobs.yaml"), 4, 9), diagnostic.Location);
        Assert.Contains("'command' needs 'program'", diagnostic.Message, StringComparison.Ordinal);
    }
}
