namespace FastAttractors;

/// <summary>Recall trials of B networks (spec §4): per trial success, network-major (trial r of network b at b·Trials + r).</summary>
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

    public int Networks { get; }
    public int Trials { get; }
    public RecallOptions Options { get; }
    public Backend Backend { get; }
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
