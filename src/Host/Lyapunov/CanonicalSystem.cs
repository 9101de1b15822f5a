namespace FastAttractors;

/// <summary>
/// One of the five systems of Fig. 3 (docs/results/five-systems.md; supplement S1): its model, solver, Lyapunov settings, initial states and
/// what its spectrum should be. Defined once here so that the tests, the <c>fastattractors systems</c> command and
/// users all compute the same thing. See <see cref="CanonicalSystems"/>.
/// </summary>
public sealed class CanonicalSystem
{
    private readonly Func<int, double[]> initialStates;

    internal CanonicalSystem(string key, string title, string definition, IEnsembleModel model, ISolver solver,
        LyapunovOptions options, string timeUnit, double[]? expectedSpectrum, string expected, Func<int, double[]> initialStates)
    {
        Key = key;
        Title = title;
        Definition = definition;
        Model = model;
        Solver = solver;
        Options = options;
        TimeUnit = timeUnit;
        ExpectedSpectrum = expectedSpectrum;
        Expected = expected;
        this.initialStates = initialStates;
    }

    /// <summary>Short kebab-case name (file names, command lines): one-fixed-point, two-fixed-points, line-attractor, chaos, limit-cycle.</summary>
    public string Key { get; }

    /// <summary>A human-readable title.</summary>
    public string Title { get; }

    /// <summary>The model and parameters in words (as in docs/results/five-systems.md).</summary>
    public string Definition { get; }

    /// <summary>The model, with its parameters.</summary>
    public IEnsembleModel Model { get; }
    /// <summary>The state dimension n.</summary>
    public int Dimension => Model.Dimension;
    /// <summary>The solver it is integrated with.</summary>
    public ISolver Solver { get; }

    /// <summary>Settings that resolve the expected spectrum (see each system for the error they reach).</summary>
    public LyapunovOptions Options { get; }

    /// <summary>
    /// The unit of time, hence of the exponents (per this unit): "τ" for the ReLU and linear systems (time in units of
    /// their unit time constant, as in Eq. S1), "s" for the tanh networks (τ = 10 ms = 0.01 s; exponents per second).
    /// </summary>
    public string TimeUnit { get; }

    /// <summary>The exact spectrum (all n exponents, descending) where it is known; null for chaos and the limit cycle.</summary>
    public double[]? ExpectedSpectrum { get; }

    /// <summary>What the spectrum should be, in words (the only statement for chaos and the limit cycle).</summary>
    public string Expected { get; }

    /// <summary>
    /// Initial states of <paramref name="members"/> trajectories (SoA, member fastest). Member 0 is the same for every
    /// count: it is the trajectory whose spectrum <see cref="Problem"/> describes with one member.
    /// </summary>
    public double[] InitialStates(int members)
    {
        if (members < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        return initialStates(members);
    }

    /// <summary>The ensemble problem with <paramref name="members"/> trajectories of this one network.</summary>
    public EnsembleProblem Problem(int members = 1) => new(Model, InitialStates(members), members);
}
