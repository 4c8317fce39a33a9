using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExoJobRunner.Core.Notifications;

/// <summary>The JSON body a webhook is sent, in the target's <see cref="WebhookFormat"/>.</summary>
internal static class WebhookBody
{
    public static byte[] Create(WebhookFormat format, NotificationPayload payload) => format switch
    {
        WebhookFormat.Teams => Write(writer => WriteTeamsMessage(writer, payload)),
        WebhookFormat.Slack => Write(writer => WriteSlackMessage(writer, payload)),
        _ => JsonSerializer.SerializeToUtf8Bytes(payload, NotificationJsonContext.Default.NotificationPayload),
    };

    /// <summary>The one line a chat message leads with: which job, how it ended, where and how long it took.</summary>
    internal static string Headline(NotificationPayload payload) =>
        $"exojobs: job '{payload.Job}' {payload.Status} on {payload.Host} after {payload.Duration} (exit code {payload.ExitCode})";

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A message carrying one Adaptive Card: the shape both the Teams Workflows "post to a channel when a webhook
    /// request is received" flow and the retired Office 365 connector webhooks take, so one format serves either.
    /// </summary>
    private static void WriteTeamsMessage(Utf8JsonWriter writer, NotificationPayload payload)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "message");
        writer.WriteStartArray("attachments");
        writer.WriteStartObject();
        writer.WriteString("contentType", "application/vnd.microsoft.card.adaptive");
        writer.WriteStartObject("content");
        writer.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        writer.WriteString("type", "AdaptiveCard");
        writer.WriteString("version", "1.4");
        writer.WriteStartArray("body");

        writer.WriteStartObject();
        writer.WriteString("type", "TextBlock");
        writer.WriteString("text", Headline(payload));
        writer.WriteString("weight", "Bolder");
        writer.WriteString("color", payload.ErrorSummary is null ? "Good" : "Attention");
        writer.WriteBoolean("wrap", true);
        writer.WriteEndObject();

        if (payload.ErrorSummary is { } error)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "TextBlock");
            writer.WriteString("text", error);
            writer.WriteBoolean("wrap", true);
            writer.WriteEndObject();
        }

        writer.WriteStartObject();
        writer.WriteString("type", "FactSet");
        writer.WriteStartArray("facts");
        WriteFact(writer, "Run id", payload.RunId);
        WriteFact(writer, "Trigger", payload.Trigger);
        WriteFact(writer, "Started", payload.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        WriteFact(writer, "Run folder", payload.RunFolder);
        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter writer, string title, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("title", title);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }

    /// <summary><c>{"text": …}</c>: the headline, the run id, and the error quoted on its own line.</summary>
    private static void WriteSlackMessage(Utf8JsonWriter writer, NotificationPayload payload)
    {
        var text = new StringBuilder(EscapeForSlack(Headline(payload)))
            .Append(", run ").Append(payload.RunId);
        if (payload.ErrorSummary is { } error)
        {
            text.Append("\n> ").Append(EscapeForSlack(error));
        }

        writer.WriteStartObject();
        writer.WriteString("text", text.ToString());
        writer.WriteEndObject();
    }

    /// <summary>Slack reads &lt;…&gt; as a link or mention and &amp; as an entity; these three must be escaped in message text.</summary>
    private static string EscapeForSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
