namespace FastAttractors.Adjoint.Estimators;

/// <summary>One backend's discrete adjoint over an ensemble (spec §4).</summary>
internal interface IGradientEstimator : IDisposable
{
    Backend Backend { get; }

    EnsembleGradients Gradient(GradientPlan plan);
}
