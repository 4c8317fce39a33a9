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
    private const string EverySecondMacro = "@every_second";

    public static bool TryParse(
        string expression,
        [NotNullWhen(true)] out JobSchedule? schedule,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(expression);

        schedule = null;
        var trimmed = expression.Trim();
        var isMacro = trimmed.StartsWith('@');
        var fieldCount = trimmed.Split(' ', '\t').Count(field => field.Length > 0);
        if (!isMacro && fieldCount is not (5 or 6))
        {
            problem = $"it has {fieldCount} fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first), or a macro such as @daily";
            return false;
        }

        var includesSeconds = isMacro
            ? string.Equals(trimmed, EverySecondMacro, StringComparison.OrdinalIgnoreCase)
            : fieldCount == 6;
        try
        {
            var cron = CronExpression.Parse(trimmed, includesSeconds ? CronFormat.IncludeSeconds : CronFormat.Standard);
            schedule = new JobSchedule(trimmed, cron, includesSeconds);
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
