using System.Diagnostics.CodeAnalysis;
using Cronos;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// Turns a job's <c>schedule:</c> into a <see cref="JobSchedule"/>. The field count picks the format, because Cronos
/// must be told up front whether the first field is seconds: <c>*/10 * * * * *</c> (6 fields) runs every ten
/// seconds, <c>*/10 * * * *</c> (5 fields) every ten minutes.
/// </summary>
internal static class CronScheduleParser
{
    public static bool TryParse(
        string expression,
        [NotNullWhen(true)] out JobSchedule? schedule,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(expression);

        schedule = null;
        var trimmed = expression.Trim();
        var fields = CronFields.Split(trimmed);
        if (fields is null && !trimmed.StartsWith('@'))
        {
            var fieldCount = CronFields.Words(trimmed).Count;
            problem = $"it has {fieldCount} fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first), or a macro such as @daily";
            return false;
        }

        try
        {
            // An unknown macro has no fields: Cronos refuses it here, with its own words.
            var cron = CronExpression.Parse(trimmed, fields?.Second is null ? CronFormat.Standard : CronFormat.IncludeSeconds);
            schedule = new JobSchedule(trimmed, cron, fields ?? throw new CronFormatException($"'{trimmed}' is not a macro exojobs knows"));
            problem = null;
            return true;
        }
        catch (CronFormatException exception)
        {
            problem = exception.Message;
            return false;
        }
    }
}
