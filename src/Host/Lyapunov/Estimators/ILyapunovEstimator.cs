namespace FastAttractors.Lyapunov.Estimators;

/// <summary>One backend's way of running the Benettin QR method over an ensemble (docs/explanations/qr-method.md).</summary>
internal interface ILyapunovEstimator : IDisposable
{
    Backend Backend { get; }

    LyapunovSpectra Estimate(LyapunovPlan plan);
}
