using System.Globalization;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// Every cmdlet error the sandbox raises, worded as Exchange Online and PowerShell word them, built in one place so the
/// texts stay consistent and are easy to check against the real service.
/// </summary>
internal static class ExchangeErrors
{
    private const string BindingException = "System.Management.Automation.ParameterBindingException";

    public static CmdletFailure ObjectNotFound(string identity, string directoryServer) => new(
        CmdletErrorCategory.NotFound,
        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
        $"The operation couldn't be performed because object '{identity}' couldn't be found on '{directoryServer}'.",
        "Ex6F9304");

    public static CmdletFailure AmbiguousIdentity(string identity) => new(
        CmdletErrorCategory.BadRequest,
        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
        $"The operation couldn't be performed because '{identity}' matches multiple entries.");

    public static CmdletFailure UnknownCmdlet(string name) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.CommandNotFoundException",
        $"The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program. "
        + "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.");

    public static CmdletFailure CmdletNotEmulated(string name) => new(
        CmdletErrorCategory.BadRequest,
        "System.NotSupportedException",
        $"{name} is an Exchange Online cmdlet, but the sandbox does not emulate it; run the job against a real tenant to use it.");

    public static CmdletFailure ParameterNotEmulated(string cmdlet, string name) => new(
        CmdletErrorCategory.BadRequest,
        "System.NotSupportedException",
        $"-{name} is a parameter of {cmdlet}, but the sandbox does not emulate it; run the job against a real tenant to use it.");

    public static CmdletFailure ParameterNotFound(string name) => new(
        CmdletErrorCategory.BadRequest,
        BindingException,
        $"A parameter cannot be found that matches parameter name '{name}'.");

    public static CmdletFailure ParameterRepeated(string name) => new(
        CmdletErrorCategory.BadRequest,
        BindingException,
        $"Cannot bind parameter because parameter '{name}' is specified more than once. To provide multiple values to "
        + "parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".");

    public static CmdletFailure ParameterSetConflict() => new(
        CmdletErrorCategory.BadRequest,
        BindingException,
        "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be "
        + "used together or an insufficient number of parameters were provided.");

    public static CmdletFailure MissingMandatory(IEnumerable<string> names) => new(
        CmdletErrorCategory.BadRequest,
        BindingException,
        $"Cannot process command because of one or more missing mandatory parameters: {string.Join(' ', names)}.");

    public static CmdletFailure NullArgument(string name) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingValidationException",
        $"Cannot validate argument on parameter '{name}'. The argument is null or empty. Provide an argument that is not "
        + "null or empty, and then try the command again.");

    public static CmdletFailure NotBoolean(string name, string value) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        $"Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{value}\" to type "
        + "\"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.");

    public static CmdletFailure NotDateTime(string name, string value) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        $"Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{value}\" to type "
        + $"\"System.DateTime\". Error: \"String '{value}' was not recognized as a valid DateTime.\"");

    public static CmdletFailure NotString(string name, string value) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        $"Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{value}\" to type \"System.String\".");

    public static CmdletFailure NotResultSize(string value) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        $"Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value \"{value}\" to type "
        + $"\"Microsoft.Exchange.Data.Unlimited`1[System.UInt32]\". Error: \"The value \"{value}\" isn't valid. "
        + "Specify \"Unlimited\" or a whole number from 1 to 2147483647.\"");

    public static CmdletFailure NotEnumerator(string name, string typeName, string value, IEnumerable<string> choices) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        $"Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{value}\" to type "
        + $"\"{typeName}\". Error: \"Unable to match the identifier name {value} to a valid enumerator name. Specify one of "
        + $"the following enumerator names and try again:\n{string.Join(", ", choices)}\"");

    public static CmdletFailure NotSmtpAddress(string name, string value) => new(
        CmdletErrorCategory.BadRequest,
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        $"Cannot process argument transformation on parameter '{name}'. Cannot convert value \"{value}\" to type "
        + $"\"Microsoft.Exchange.Data.ProxyAddress\". Error: \"The address '{value}' is invalid: \"{value}\" isn't a valid SMTP address.\"");

    public static CmdletFailure FilterSyntax(string filter, int position) => FilterError(
        "Invalid filter syntax. For a description of the filter parameter syntax see the command help.", filter, position);

    public static CmdletFailure FilterProperty(string property, string filter, int position) => FilterError(
        $"\"{property}\" is not a recognized filterable property. For a list of filterable properties see the command help.",
        filter,
        position);

    public static CmdletFailure UnknownProperty(string cmdlet, string property) => new(
        CmdletErrorCategory.BadRequest,
        "System.ArgumentException",
        $"The property '{property}' isn't valid for {cmdlet}. Use -PropertySets All to see the properties it returns.");

    public static CmdletFailure NotAllowed(string cmdlet) => new(
        CmdletErrorCategory.Unauthorized,
        "Microsoft.Exchange.Admin.OData.Core.ODataServiceException",
        $"User is not allowed to call {cmdlet}");

    public static CmdletFailure AlreadyMember(string member, string group) => new(
        CmdletErrorCategory.BadRequest,
        "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
        $"The recipient \"{member}\" is already a member of the group \"{group}\".");

    public static CmdletFailure NotMember(string member, string group) => new(
        CmdletErrorCategory.BadRequest,
        "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
        $"Couldn't find object \"{member}\". Please make sure that it was spelled correctly or specify a different object. "
        + $"The recipient \"{member}\" isn't a member of the group \"{group}\".");

    public static CmdletFailure InvalidRequest(string message) => new(
        CmdletErrorCategory.BadRequest,
        "Microsoft.Exchange.Admin.OData.Core.ODataServiceException",
        message);

    public static string NothingModified(string identity) =>
        $"The command completed successfully but no settings of '{identity}' have been modified.";

    public static string DefaultResultSizeReached(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"By default, only the first {limit} items are returned. ")
        + "Use the ResultSize parameter to specify the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be aware that, depending upon the actual number of "
        + "items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend "
        + "storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.";

    public const string ResultSizeReached =
        "There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.";

    public static string PermissionAlreadyPresent(string user) => $"An existing permission entry was found for user: {user}.";

    public static string PermissionAbsent(string mailboxDistinguishedName, string user) =>
        $"Can't remove the access control entry on the object \"{mailboxDistinguishedName}\" for account \"{user}\" because the ACE doesn't exist on the object.";

    private static CmdletFailure FilterError(string reason, string filter, int position) => new(
        CmdletErrorCategory.BadRequest,
        BindingException,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"{reason}\n\"{filter}\" at position {position}.\""));
}
