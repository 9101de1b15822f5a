namespace FastAttractors;

/// <summary>
/// A fixed-step explicit Runge–Kutta solver that carries its method: <c>new ExplicitRk(Methods.Tsit5, 0.01)</c>
/// (diffrax's solver objects; DifferentialEquations.jl's <c>solve(prob, Tsit5(), dt = 0.01, adaptive = false)</c>).
/// Which backends run which methods: <see cref="MethodSupport"/>.
/// </summary>
public sealed record ExplicitRk : ISolver
{
    /// <summary>
    /// A solver stepping <paramref name="tableau"/> with fixed step <paramref name="dt"/> (positive and finite, else
    /// ArgumentOutOfRangeException).
    /// </summary>
    public ExplicitRk(ButcherTableau tableau, double dt)
    {
        ArgumentNullException.ThrowIfNull(tableau);
        StepSizes.Validate(dt);
        Tableau = tableau;
        Dt = dt;
    }

    /// <summary>The method.</summary>
    public ButcherTableau Tableau { get; }
    /// <summary>The fixed step h.</summary>
    public double Dt { get; }
    /// <inheritdoc/>
    public DynamicsKind Advances => DynamicsKind.Flow;
    /// <inheritdoc/>
    public double StepSize => Dt;
    ButcherTableau? ISolver.Tableau => Tableau;

    /// <summary>The method's name and the step.</summary>
    public override string ToString() => $"ExplicitRk({Tableau.Name}, dt = {Dt})";
}
