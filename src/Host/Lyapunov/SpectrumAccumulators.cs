namespace FastAttractors.Lyapunov;

/// <summary>
/// What every estimator hands back, in float64 whatever the tangent precision: per member and block the sums of
/// log |R_ii| (member-major: [(m·B + b)·k + i]), the phase-space contraction integral for the sum rule (∫ tr J dt for
/// flows, Σ log |det J| for maps; full spectrum only), and divergence. <see cref="SpectrumDiagnostics"/> turns it into
/// exponents, errors and diagnostics the same way for every backend.
/// </summary>
internal sealed class SpectrumAccumulators
{
    public SpectrumAccumulators(LyapunovPlan plan)
    {
        Plan = plan;
        BlockLogSums = new double[(long)plan.Members * plan.Blocks * plan.K];
        ContractionIntegral = new double[plan.Members];
        Diverged = new bool[plan.Members];
        FailedStep = new long[plan.Members];
        Array.Fill(FailedStep, -1);
    }

    public LyapunovPlan Plan { get; }
    public double[] BlockLogSums { get; }
    public double[] ContractionIntegral { get; }
    public bool[] Diverged { get; }
    public long[] FailedStep { get; }

    public Span<double> BlockRow(int member, int block) =>
        BlockLogSums.AsSpan((int)(((long)member * Plan.Blocks + block) * Plan.K), Plan.K);

    public void MarkDiverged(int member, long step)
    {
        Diverged[member] = true;
        FailedStep[member] = step;
    }
}
