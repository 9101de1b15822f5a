namespace FastAttractors;

/// <summary>How to advance a model one step: RK4 for flows, iteration for maps.</summary>
public interface ISolver
{
    /// <summary>The kind of model this solver advances.</summary>
    DynamicsKind Advances { get; }

    /// <summary>Time per step (1 for maps: one iteration).</summary>
    double StepSize { get; }
}

/// <summary>Classic RK4 with fixed step <see cref="Dt"/> (spec §2).</summary>
public sealed record Rk4 : ISolver
{
    public Rk4(double dt)
    {
        if (!double.IsFinite(dt) || dt <= 0)
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"dt must be positive and finite, got {dt}.");
        Dt = dt;
    }

    public double Dt { get; }
    public DynamicsKind Advances => DynamicsKind.Flow;
    public double StepSize => Dt;
}

/// <summary>x ← F(x) for maps; one step is one iteration.</summary>
public sealed record MapIteration : ISolver
{
    public static MapIteration Instance { get; } = new();
    public DynamicsKind Advances => DynamicsKind.Map;
    public double StepSize => 1.0;
}
