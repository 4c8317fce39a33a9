using System.Globalization;
using ExoJobRunner.Sandbox.AdminApi;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// The tenant's request budget (<c>budget:N/window</c>): the first request opens a window of the budget's length; up to
/// N requests in it are served, the rest are answered 429 with <c>Retry-After</c> in whole seconds until it closes, and the
/// next request after that opens the next window. One budget per sandbox, so every client and every concurrent run
/// draws on the same one, as sessions of one tenant do. Windows are measured on the sandbox clock.
/// </summary>
internal sealed class TenantBudgetFilter(SandboxThrottlingBudget budget, TimeProvider clock, SandboxActivity activity) : IEndpointFilter
{
    private readonly Lock gate = new();
    private DateTimeOffset windowEnd = DateTimeOffset.MinValue;
    private int served;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        TimeSpan? wait;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now >= windowEnd)
            {
                windowEnd = now + budget.Window;
                served = 0;
            }

            wait = served < budget.Requests ? null : windowEnd - now;
            if (wait is null)
            {
                served++;
            }
        }

        if (wait is not { } retryAfter)
        {
            return await next(context);
        }

        activity.BudgetRefused();
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new AdminApiError(
            429,
            "TooManyRequests",
            string.Create(
                CultureInfo.InvariantCulture,
                $"The tenant has used its budget of {budget.Requests} requests in {budget.Window.TotalSeconds:0.###} seconds. Retry after the number of seconds in Retry-After."));
    }
}
