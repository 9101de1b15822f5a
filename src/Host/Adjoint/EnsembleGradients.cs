namespace FastAttractors;

/// <summary>
/// Loss and exact gradients (discrete adjoint of the integrator) for every member. Arrays use the ensemble layout:
/// component i of member m at i · Members + m.
/// </summary>
public sealed class EnsembleGradients
{
    internal EnsembleGradients(int dimension, int members, long steps, int checkpointInterval, IReadOnlyList<ParameterBlock> parameters,
        int? normEvery, double stepSize, Backend backend, Precision precision)
    {
        Dimension = dimension;
        Members = members;
        Steps = steps;
        CheckpointInterval = checkpointInterval;
        Backend = backend;
        Precision = precision;
        Loss = new double[members];
        InitialStates = new double[(long)dimension * members];
        Parameters = parameters.Select(b => new ParameterGradient(b.Name, b.Length, members)).ToArray();
        Status = new GradientStatus[members];
        FailedStep = new long[members];
        Array.Fill(FailedStep, -1);
        if (normEvery is { } every)
        {
            long frames = steps / every + 1;
            NormEvery = every;
            NormTimes = new double[frames];
            for (long f = 0; f < frames; f++)
                NormTimes[f] = f * every * stepSize;
            AdjointNorms = new double[frames * members];
        }
    }

    /// <summary>The state dimension n.</summary>
    public int Dimension { get; }
    /// <summary>The number of members.</summary>
    public int Members { get; }
    /// <summary>The number of steps the loss spans.</summary>
    public long Steps { get; }

    /// <summary>
    /// The checkpoint interval C used (states stored every C steps, segments of C recomputed). C = <see cref="Steps"/>:
    /// the whole trajectory's records were kept in the forward pass and nothing was recomputed
    /// (GradientOptions.RecordBudgetMiB).
    /// </summary>
    public int CheckpointInterval { get; internal set; }

    /// <summary>The backend that computed the gradients.</summary>
    public Backend Backend { get; }
    /// <summary>The precision the forward and backward passes ran in.</summary>
    public Precision Precision { get; }

    /// <summary>L per member.</summary>
    public double[] Loss { get; }

    /// <summary>∂L/∂x(0), n × members.</summary>
    public double[] InitialStates { get; }

    /// <summary>∂L/∂θ per parameter block of the model, in the model's order (e.g. W, b, τ for TanhRnn).</summary>
    public IReadOnlyList<ParameterGradient> Parameters { get; }

    /// <summary>
    /// The gradient block of the parameter block named <paramref name="name"/>; throws ArgumentException when the model
    /// has none by that name.
    /// </summary>
    public ParameterGradient Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"name: no parameter '{name}'; the model has {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(name));

    /// <summary>Steps between recorded adjoint norms, or null when none were recorded.</summary>
    public int? NormEvery { get; }

    /// <summary>Times of the adjoint-norm frames (every <see cref="NormEvery"/> steps from 0), or null.</summary>
    public double[]? NormTimes { get; }

    /// <summary>|a(t)| = |∂L/∂x(t)| per frame and member (frame f at f · Members + m), or null.</summary>
    public double[]? AdjointNorms { get; }

    /// <summary>
    /// Per-member outcome; a member not <see cref="GradientStatus.Ok"/> has NaN or non-finite loss or gradients.
    /// </summary>
    public GradientStatus[] Status { get; }

    /// <summary>The step at which a member's forward state or adjoint went non-finite; −1 otherwise.</summary>
    public long[] FailedStep { get; }
}
