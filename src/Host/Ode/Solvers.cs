namespace FastAttractors;

/// <summary>
/// How to advance a model one step: an explicit Runge–Kutta method (<see cref="ExplicitRk"/>, <see cref="Rk4"/>)
/// for flows, iteration (<see cref="MapIteration"/>) for maps. Only this library implements it: the engine steps by
/// the solver's tableau, and a solver it could not read must be a compile error, not a run that silently uses RK4.
/// </summary>
public interface ISolver
{
    /// <summary>The kind of model this solver advances.</summary>
    DynamicsKind Advances { get; }

    /// <summary>Time per step (1 for maps: one iteration).</summary>
    double StepSize { get; }

    /// <summary>The tableau a flow is stepped with; null for maps. Internal, so no other assembly can implement ISolver.</summary>
    internal ButcherTableau? Tableau { get; }
}

/// <summary>Classic RK4 with fixed step <see cref="Dt"/> (the 1/6, 1/3, 1/3, 1/6 rule): the same steps as <c>new ExplicitRk(Methods.ClassicRk4, dt)</c>.</summary>
public sealed record Rk4 : ISolver
{
    /// <summary>
    /// Classic RK4 with fixed step <paramref name="dt"/> (positive and finite, else ArgumentOutOfRangeException).
    /// </summary>
    public Rk4(double dt)
    {
        StepSizes.Validate(dt);
        Dt = dt;
    }

    /// <summary>The fixed step h.</summary>
    public double Dt { get; }
    /// <inheritdoc/>
    public DynamicsKind Advances => DynamicsKind.Flow;
    /// <inheritdoc/>
    public double StepSize => Dt;
    ButcherTableau? ISolver.Tableau => Methods.ClassicRk4;
}

/// <summary>x ← F(x) for maps; one step is one iteration.</summary>
public sealed record MapIteration : ISolver
{
    /// <summary>The single instance.</summary>
    public static MapIteration Instance { get; } = new();
    /// <inheritdoc/>
    public DynamicsKind Advances => DynamicsKind.Map;
    /// <inheritdoc/>
    public double StepSize => 1.0;
    ButcherTableau? ISolver.Tableau => null;
}
