namespace FastAttractors;

/// <summary>Recall trials of B networks: per trial success, network-major (trial r of network b at b·Trials + r).</summary>
public sealed class RecallResult
{
    internal RecallResult(int networks, int trials, RecallOptions options, Backend backend, bool[] success)
    {
        Networks = networks;
        Trials = trials;
        Options = options;
        Backend = backend;
        Success = success;
    }

    /// <summary>B: the number of networks.</summary>
    public int Networks { get; }
    /// <summary>Trials per network.</summary>
    public int Trials { get; }
    /// <summary>The options the trials ran with.</summary>
    public RecallOptions Options { get; }
    /// <summary>The backend that ran the trials.</summary>
    public Backend Backend { get; }
    /// <summary>Per trial, whether it met the criterion; trial r of network b at b·Trials + r.</summary>
    public bool[] Success { get; }

    /// <summary>Fraction of network b's trials that met the criterion.</summary>
    public double SuccessRate(int network)
    {
        int hits = 0;
        for (int r = 0; r < Trials; r++)
            hits += Success[network * Trials + r] ? 1 : 0;
        return (double)hits / Trials;
    }

    /// <summary>Fraction of all trials of all networks that met the criterion.</summary>
    public double OverallSuccessRate() => Success.Count(s => s) / (double)Success.Length;
}
