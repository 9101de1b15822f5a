namespace FastAttractors;

/// <summary>
/// A fixed-step explicit Runge–Kutta solver that carries its method: <c>new ExplicitRk(Methods.Tsit5, 0.01)</c>
/// (diffrax's solver objects; DifferentialEquations.jl's <c>solve(prob, Tsit5(), dt = 0.01, adaptive = false)</c>).
/// Which backends run which methods: <see cref="MethodSupport"/>.
/// </summary>
public sealed record ExplicitRk : ISolver
{
    public ExplicitRk(ButcherTableau tableau, double dt)
    {
        ArgumentNullException.ThrowIfNull(tableau);
        StepSizes.Validate(dt);
        Tableau = tableau;
        Dt = dt;
    }

    public ButcherTableau Tableau { get; }
    public double Dt { get; }
    public DynamicsKind Advances => DynamicsKind.Flow;
    public double StepSize => Dt;
    ButcherTableau? ISolver.Tableau => Tableau;

    public override string ToString() => $"ExplicitRk({Tableau.Name}, dt = {Dt})";
}
