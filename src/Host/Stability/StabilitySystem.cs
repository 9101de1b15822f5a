namespace FastAttractors;

/// <summary>
/// A base network for the weight-noise experiments (<see cref="StabilitySystems"/>): model, starting state, solver,
/// Lyapunov settings and how many exponents are zero without noise. All run in units of the network's time
/// constant τ = 1, so exponents of different systems (per τ) and noise levels σ (relative to the unit leak) compare.
/// </summary>
public sealed class StabilitySystem
{
    internal StabilitySystem(string key, string title, string definition, IEnsembleModel model, double[] initialState,
        ISolver solver, LyapunovOptions options, int expectedZeroExponents)
    {
        Key = key;
        Title = title;
        Definition = definition;
        Model = model;
        this.initialState = initialState;
        Solver = solver;
        Options = options;
        ExpectedZeroExponents = expectedZeroExponents;
    }

    private readonly double[] initialState;

    /// <summary>ring, line, pta, limit-cycle.</summary>
    public string Key { get; }
    /// <summary>A human-readable title.</summary>
    public string Title { get; }
    /// <summary>The model and parameters in words.</summary>
    public string Definition { get; }
    /// <summary>The noise-free base network.</summary>
    public IEnsembleModel Model { get; }
    /// <summary>The state dimension n.</summary>
    public int Dimension => Model.Dimension;

    /// <summary>Where every member starts (on or near the attractor of the noise-free network).</summary>
    public double[] InitialState => (double[])initialState.Clone();

    /// <summary>The solver it is integrated with.</summary>
    public ISolver Solver { get; }

    /// <summary>Transient, duration, QR interval and k (enough exponents to count the zero ones and the next).</summary>
    public LyapunovOptions Options { get; }

    /// <summary>Zero exponents at σ = 0: ring 1, line 1, PTA m (one per block), limit cycle 1.</summary>
    public int ExpectedZeroExponents { get; }

    /// <summary>The noisy ensemble of this system on a σ grid.</summary>
    public WeightNoiseEnsemble Ensemble(IReadOnlyList<double> sigmas, int membersPerSigma, long seed, NoiseDraws draws = NoiseDraws.IndependentPerSigma) =>
        new(Model, sigmas, membersPerSigma, seed, draws);
}
