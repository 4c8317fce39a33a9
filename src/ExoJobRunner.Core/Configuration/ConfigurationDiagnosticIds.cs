namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// The stable ids of configuration problems. Users search for them and CI filters on them, so an id is never
/// reused for another meaning; docs/configuration-errors.md explains each one (a test keeps the two in step).
/// </summary>
public static class ConfigurationDiagnosticIds
{
    /// <summary>exojobs.yaml (or the file passed with --config / EXOJOBS_CONFIG) does not exist.</summary>
    public const string ConfigFileNotFound = "EXOCFG001";

    /// <summary>A key no section accepts; the message suggests the closest known key.</summary>
    public const string UnknownKey = "EXOCFG002";

    /// <summary>The file is not valid YAML (reported at the parser's position).</summary>
    public const string YamlSyntax = "EXOCFG003";

    /// <summary>A value of the wrong kind: a mapping where a single value belongs, <c>enabled: maybe</c>, a word for a number.</summary>
    public const string WrongType = "EXOCFG004";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "EXOCFG005";

    /// <summary>A file that is empty or whose top level is not a mapping of keys.</summary>
    public const string FileNotAMapping = "EXOCFG006";

    /// <summary>A value of the right kind outside what is allowed (an unknown environment, a non-GUID appId, a bad job name…).</summary>
    public const string InvalidValue = "EXOCFG007";

    /// <summary>A configuration, job or body file exists but cannot be read.</summary>
    public const string FileUnreadable = "EXOCFG008";

    /// <summary>A profile name that <c>profiles:</c> does not define.</summary>
    public const string UnknownProfile = "EXOCFG010";

    /// <summary>A profile for a real cloud without appId, organization or certificate.</summary>
    public const string MissingProfileKey = "EXOCFG011";

    /// <summary>organization is the tenant id (a GUID); Exchange Online wants the *.onmicrosoft.com domain.</summary>
    public const string OrganizationIsTenantId = "EXOCFG012";

    /// <summary>Warning: organization is not the tenant's initial (*.onmicrosoft.com) domain.</summary>
    public const string OrganizationNotInitialDomain = "EXOCFG013";

    /// <summary>certificate: names no source, more than one, or an incomplete one (pem without key, store without thumbprint…).</summary>
    public const string InvalidCertificateSource = "EXOCFG014";

    /// <summary>A password written in the YAML file instead of a reference to an environment variable or a file.</summary>
    public const string LiteralPassword = "EXOCFG015";

    /// <summary>sandbox: options on a profile whose environment is not Sandbox.</summary>
    public const string SandboxOptionsWithoutSandbox = "EXOCFG016";

    /// <summary>A job file without a body (csx, csharp, ps1 or powershell).</summary>
    public const string NoBody = "EXOCFG020";

    /// <summary>A job file with more than one body.</summary>
    public const string MultipleBodies = "EXOCFG021";

    /// <summary>A csx: or ps1: body file that does not exist.</summary>
    public const string BodyFileNotFound = "EXOCFG022";

    /// <summary>Inline code written in a way whose lines cannot be mapped back to the YAML file (folded or multi-line flow scalar).</summary>
    public const string InlineBodyNotLiteral = "EXOCFG023";

    /// <summary>Two job files define the same job name.</summary>
    public const string DuplicateJobName = "EXOCFG024";

    /// <summary>A schedule that is not a valid cron expression.</summary>
    public const string InvalidCron = "EXOCFG025";

    /// <summary>A timeZone that is neither an IANA nor a Windows time zone id known to this machine.</summary>
    public const string UnknownTimeZone = "EXOCFG026";

    /// <summary>A timeout that is not a duration such as 90s, 15m, 2h or 1h30m, or is not longer than zero.</summary>
    public const string InvalidDuration = "EXOCFG027";

    /// <summary>Warning: the jobs: patterns matched no file.</summary>
    public const string NoJobFilesMatched = "EXOCFG028";

    /// <summary>A <c>rules:</c> entry whose key is not the id of a rule (EXO followed by four digits, and in the catalogue).</summary>
    public const string UnknownRule = "EXOCFG029";

    /// <summary>An entry under <c>onFailure:</c> or <c>onSuccess:</c> that is not exactly one target (webhook or command), or one without its url or program.</summary>
    public const string InvalidNotificationTarget = "EXOCFG030";

    /// <summary>A webhook <c>url:</c> written in the file that is not an absolute http:// or https:// URL.</summary>
    public const string InvalidWebhookUrl = "EXOCFG031";

    /// <summary>A credential written in the YAML file for a webhook: an Authorization header's value, or user:password in a URL.</summary>
    public const string LiteralWebhookCredential = "EXOCFG032";

    /// <summary>A webhook <c>url:</c> or header value given as a mapping that is not exactly one of <c>env:</c> or <c>file:</c>.</summary>
    public const string InvalidSecretReference = "EXOCFG033";

    /// <summary>A sandbox <c>faults:</c> value the sandbox's fault grammar does not accept.</summary>
    public const string InvalidFaultSpec = "EXOCFG034";

    /// <summary>A body with no code: an inline block with nothing in it, or an empty (or blank) body file.</summary>
    public const string EmptyBody = "EXOCFG035";

    /// <summary>A schedule that is a valid cron expression but has no next occurrence (<c>0 0 30 2 *</c>: February 30th).</summary>
    public const string ScheduleNeverFires = "EXOCFG036";

    /// <summary>A configuration, job or body file that is a FIFO, a device, a socket or a folder; refused without reading it.</summary>
    public const string NotARegularFile = "EXOCFG037";

    /// <summary>A configuration, job or body file larger than the limit (<see cref="ConfigurationLimits.MaxFileBytes"/>); refused without reading it.</summary>
    public const string FileTooLarge = "EXOCFG038";

    /// <summary>A job file, body file, <c>#load</c>ed or dot-sourced file whose real path (links resolved) is outside the folder of exojobs.yaml.</summary>
    public const string FileOutsideConfigurationFolder = "EXOCFG039";
}
