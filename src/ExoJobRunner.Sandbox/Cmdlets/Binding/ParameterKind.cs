namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>How a parameter's JSON value is converted and checked, the way PowerShell binds the real cmdlet's parameter type.</summary>
internal enum ParameterKind
{
    String,

    /// <summary>An object identity: name, alias, address, distinguished name or GUID; never null or empty.</summary>
    Identity,

    /// <summary>A switch: JSON true/false, as the module sends <c>-Confirm:$false</c>.</summary>
    Switch,

    Boolean,

    /// <summary>A number or <c>Unlimited</c>.</summary>
    ResultSize,

    /// <summary>OPATH filter text, parsed when bound.</summary>
    Filter,

    /// <summary>A list of strings; a single string binds as a list of one, as in PowerShell.</summary>
    StringList,

    /// <summary>One name from <see cref="CmdletParameter.Choices"/>.</summary>
    Choice,

    /// <summary>Names from <see cref="CmdletParameter.Choices"/>, a list or a single one.</summary>
    ChoiceList,

    DateTime,

    /// <summary>An SMTP address, or null to clear the setting.</summary>
    SmtpAddress,
}
