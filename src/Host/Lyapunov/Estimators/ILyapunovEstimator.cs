namespace FastAttractors.Lyapunov.Estimators;

/// <summary>One backend's way of running the Benettin QR method over an ensemble (spec §3).</summary>
internal interface ILyapunovEstimator : IDisposable
{
    Backend Backend { get; }

    LyapunovSpectra Estimate(LyapunovPlan plan);
}
