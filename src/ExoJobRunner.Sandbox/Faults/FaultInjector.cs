namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// Decides, request by request, which fault (if any) to inject. The draws come from a generator seeded with the sandbox
/// seed, so a run that sends the same requests in the same order meets the same faults.
/// </summary>
internal sealed class FaultInjector(SandboxFaultSpec spec, int seed)
{
    private readonly Lock gate = new();
    private readonly Random random = new(seed);

    public SandboxFault? Next()
    {
        if (spec.Faults.Count == 0)
        {
            return null;
        }

        double draw;
        lock (gate)
        {
            draw = random.NextDouble();
        }

        foreach (var fault in spec.Faults)
        {
            if (draw < fault.Share)
            {
                return fault;
            }

            draw -= fault.Share;
        }

        return null;
    }
}
