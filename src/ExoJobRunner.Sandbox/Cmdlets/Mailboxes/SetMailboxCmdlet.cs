using System.Globalization;
using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>
/// Set-Mailbox: changes the settings the sandbox models. Like Exchange, it returns nothing, and warns when every given
/// value was already in place.
/// </summary>
internal sealed class SetMailboxCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.SetMailbox;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var parameters = context.Parameters;
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        var changed = false;

        if (parameters.Has("DisplayName"))
        {
            var displayName = parameters.String("DisplayName");
            if (string.IsNullOrWhiteSpace(displayName))
            {
                throw ExchangeErrors.NullArgument("DisplayName");
            }

            changed |= Change(mailbox.DisplayName, displayName, value => mailbox.DisplayName = value);
        }

        changed |= ChangeIfGiven(parameters, "HiddenFromAddressListsEnabled", mailbox.HiddenFromAddressListsEnabled, v => mailbox.HiddenFromAddressListsEnabled = v);
        changed |= ChangeIfGiven(parameters, "DeliverToMailboxAndForward", mailbox.DeliverToMailboxAndForward, v => mailbox.DeliverToMailboxAndForward = v);
        changed |= ChangeIfGiven(parameters, "LitigationHoldEnabled", mailbox.LitigationHoldEnabled, v => mailbox.LitigationHoldEnabled = v);

        if (parameters.Has("ForwardingSmtpAddress"))
        {
            changed |= Change(mailbox.ForwardingSmtpAddress, parameters.String("ForwardingSmtpAddress"), v => mailbox.ForwardingSmtpAddress = v);
        }

        if (parameters.Has("Office"))
        {
            changed |= Change(mailbox.Office, Empty(parameters.String("Office")), v => mailbox.Office = v);
        }

        if (parameters.String("Type") is { } type)
        {
            var kind = type switch
            {
                "Shared" => RecipientKind.SharedMailbox,
                "Room" => RecipientKind.RoomMailbox,
                "Equipment" => RecipientKind.EquipmentMailbox,
                _ => RecipientKind.UserMailbox,
            };
            changed |= Change(mailbox.Kind, kind, v => mailbox.Kind = v);
        }

        for (var number = 1; number <= 15; number++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"CustomAttribute{number}");
            if (parameters.Has(name))
            {
                var attribute = number;
                changed |= Change(mailbox.GetCustomAttribute(number), Empty(parameters.String(name)), v => mailbox.SetCustomAttribute(attribute, v));
            }
        }

        if (!changed)
        {
            return CmdletOutput.Nothing(ExchangeErrors.NothingModified(mailbox.Name));
        }

        context.Touch(mailbox);
        return CmdletOutput.Nothing();
    }

    private static bool ChangeIfGiven(BoundParameters parameters, string name, bool current, Action<bool> apply) =>
        parameters.Boolean(name) is { } wanted && Change(current, wanted, apply);

    private static bool Change<T>(T current, T wanted, Action<T> apply)
    {
        if (EqualityComparer<T>.Default.Equals(current, wanted))
        {
            return false;
        }

        apply(wanted);
        return true;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
