namespace FastAttractors.Adjoint.Estimators;

/// <summary>One backend's discrete adjoint over an ensemble (docs/explanations/rk4-and-adjoint.md).</summary>
internal interface IGradientEstimator : IDisposable
{
    Backend Backend { get; }

    EnsembleGradients Gradient(GradientPlan plan);
}
