using System.ComponentModel;
using System.Runtime.CompilerServices;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>Runs a typed cmdlet call on a session and wraps its results. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CmdletInvoker
{
    /// <summary>
    /// Streams the results as they arrive. The request is prepared here, so a parameter that cannot be sent throws
    /// at the call rather than at the first <c>await foreach</c>.
    /// </summary>
    public static IAsyncEnumerable<T> Stream<T>(
        ExchangeSession session, CmdletParameters parameters, Func<ExchangeObject, T> wrap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(parameters);
        return Wrap(session.InvokeAsync(parameters.CmdletName, parameters.Values, cancellationToken), wrap, cancellationToken);
    }

    /// <summary>Runs a cmdlet for its effect; whatever it returns is read and dropped so the request completes.</summary>
    public static async Task RunAsync(ExchangeSession session, CmdletParameters parameters, CancellationToken cancellationToken)
    {
        await foreach (var _ in Stream(session, parameters, Untyped, cancellationToken))
        {
        }
    }

    /// <summary>Runs a cmdlet for its effect and returns what it reports back (a few objects at most).</summary>
    public static async Task<IReadOnlyList<T>> CollectAsync<T>(
        ExchangeSession session, CmdletParameters parameters, Func<ExchangeObject, T> wrap, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        await foreach (var result in Stream(session, parameters, wrap, cancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>The wrapper of a cmdlet the manifest gives no result type: the object as Exchange sent it.</summary>
    public static ExchangeObject Untyped(ExchangeObject source) => source;

    private static async IAsyncEnumerable<T> Wrap<T>(
        IAsyncEnumerable<ExchangeObject> results, Func<ExchangeObject, T> wrap, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in results.WithCancellation(cancellationToken))
        {
            yield return wrap(result);
        }
    }
}
