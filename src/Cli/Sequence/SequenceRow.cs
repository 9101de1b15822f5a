namespace FastAttractors.Cli.Sequence;

/// <summary>
/// One Parquet row: network b of one point (T, M, k) of one variant, with the settings that made it and its outcome.
/// <see cref="Hidden"/> is the M asked for (the sweep axis); <see cref="HiddenUsed"/> what the variant used (0 when
/// visible-only).
/// </summary>
internal sealed record SequenceRow(
    string Sweep, int Point, string Variant, string Data, int Network,
    int Visible, int Hidden, int HiddenUsed, int Length, int Flipped, int Trials, int Successes,
    int Epochs, bool Converged, double MinHiddenMargin, double MinVisibleMargin,
    double Kappa, double Eta, int MaxEpochs, string Schedule, string HiddenCode, string Criterion,
    long Seed, string Backend, double TrainSeconds)
{
    public double SuccessRate => (double)Successes / Trials;

    /// <summary>Every recall trial of this network met the criterion.</summary>
    public bool Success => Successes == Trials;
}
