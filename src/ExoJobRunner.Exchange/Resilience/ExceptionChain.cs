namespace ExoJobRunner.Exchange.Resilience;

/// <summary>
/// An exception and every exception it wraps. Faults reach the runner through layers — PowerShell wraps a cmdlet's
/// exception in its own, a C# body may catch and rethrow with context — so what a fault is is read from the whole chain.
/// </summary>
internal static class ExceptionChain
{
    public static IEnumerable<Exception> Flatten(Exception? error)
    {
        var pending = new Stack<Exception>();
        if (error is not null)
        {
            pending.Push(error);
        }

        // A wrapper chain is short, but a bound keeps a pathological (cyclic) chain from hanging the scheduler.
        for (var seen = 0; pending.Count > 0 && seen < 64; seen++)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }
    }
}
