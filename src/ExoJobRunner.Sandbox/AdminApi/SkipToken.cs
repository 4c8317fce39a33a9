using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ExoJobRunner.Sandbox.Cmdlets;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// The opaque <c>$skiptoken</c> in <c>@odata.nextLink</c>: where the next page starts, plus a fingerprint of the request it
/// belongs to, so a token replayed with a different cmdlet or different parameters is refused instead of paging garbage.
/// </summary>
internal static class SkipToken
{
    public static string Encode(RecordCursor cursor, string fingerprint) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{cursor.Position}.{cursor.Emitted}.{fingerprint}")));

    public static bool TryDecode(string token, string fingerprint, out RecordCursor cursor)
    {
        cursor = RecordCursor.Start;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var emitted)
            || !string.Equals(parts[2], fingerprint, StringComparison.Ordinal))
        {
            return false;
        }

        cursor = new RecordCursor(position, emitted);
        return true;
    }
}
