namespace FastAttractors.Cli.Specs;

/// <summary>
/// What <c>fastattractors integrate</c> or <c>lyapunov</c> runs, as read from a JSON spec file, an embedded default or
/// flags: the model fields are shared, steps/record_every belong to integrate, transient … tolerance to lyapunov,
/// steps and checkpoint … loss_steps to adjoint.
/// Every field is optional here; <see cref="SpecResolver"/> fills defaults and checks what is required.
/// JSON names are snake_case (<see cref="SpecFields"/>); each field has a flag of the same name in kebab-case.
/// </summary>
public sealed record IntegrateSpec
{
    /// <summary>tanh-rnn, relu-rnn, tanh-of-linear, linear, lorenz, henon or rossler.</summary>
    public string? Model { get; init; }

    /// <summary>flow or map (only tanh-of-linear has both; henon is a map, the others flows).</summary>
    public string? Kind { get; init; }

    public int? N { get; init; }
    public int? Members { get; init; }

    /// <summary>Gain g of the sparse Gaussian weights; with <see cref="GEnd"/>, the gain of member 0.</summary>
    public double? G { get; init; }

    /// <summary>When set, g is swept linearly from <see cref="G"/> (member 0) to this (last member).</summary>
    public double? GEnd { get; init; }

    public double? Connectivity { get; init; }

    /// <summary>sparse-gaussian, block-rotation or pta.</summary>
    public string? Weights { get; init; }

    /// <summary>Scale α of every 2 × 2 block (block-rotation weights).</summary>
    public double? Alpha { get; init; }

    /// <summary>Angle θ of every 2 × 2 block, radians (block-rotation weights).</summary>
    public double? Theta { get; init; }

    /// <summary>PTA weights: the scan result (directory, Parquet or CSV file) whose zero-exponent region the blocks are drawn from.</summary>
    public string? PtaScan { get; init; }

    /// <summary>PTA weights: a scan row is in the zero-exponent region when its status is ok and |λ1| is below this.</summary>
    public double? PtaTolerance { get; init; }

    /// <summary>Lorenz σ (default 10); shared by every member.</summary>
    public double? Sigma { get; init; }

    /// <summary>Lorenz ρ (default 28).</summary>
    public double? Rho { get; init; }

    /// <summary>Lorenz β (default 8/3).</summary>
    public double? Beta { get; init; }

    /// <summary>Rössler a (default 0.2).</summary>
    public double? RosslerA { get; init; }

    /// <summary>Rössler b (default 0.2).</summary>
    public double? RosslerB { get; init; }

    /// <summary>Rössler c (default 5.7).</summary>
    public double? RosslerC { get; init; }

    public double? Dt { get; init; }

    /// <summary>
    /// The explicit Runge–Kutta method of a flow (<see cref="Methods.Names"/>: rk4, euler, heun, tsit5); unset means
    /// classic RK4 and is left out of spec.json, so runs without it write what they always wrote.
    /// </summary>
    public string? Method { get; init; }
    public long? Steps { get; init; }
    public int? RecordEvery { get; init; }

    /// <summary>float32 or float64.</summary>
    public string? Precision { get; init; }

    public long? Seed { get; init; }
    public double? X0Std { get; init; }
    public string? Backend { get; init; }
    public int? ChunkMembers { get; init; }

    /// <summary>Lyapunov: time before accumulation (time units; iterations for maps).</summary>
    public double? Transient { get; init; }

    /// <summary>Lyapunov: accumulation time (time units; iterations for maps).</summary>
    public double? Duration { get; init; }

    /// <summary>Lyapunov: steps between QR re-orthonormalisations.</summary>
    public int? Every { get; init; }

    /// <summary>Lyapunov: number k of leading exponents.</summary>
    public int? Exponents { get; init; }

    /// <summary>Lyapunov: blocks for the standard errors.</summary>
    public int? Blocks { get; init; }

    /// <summary>Lyapunov: largest standard error of a converged member.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Adjoint: checkpoint interval C (states stored every C steps; null ≈ √steps).</summary>
    public int? Checkpoint { get; init; }

    /// <summary>Adjoint: record |a(t)| every this many steps.</summary>
    public int? NormEvery { get; init; }

    /// <summary>Adjoint: the target y of the squared-error loss, one value for every component or n values.</summary>
    public double[]? Target { get; init; }

    /// <summary>Adjoint: steps at which running squared-error terms (same target) are added to the terminal one.</summary>
    public long[]? LossSteps { get; init; }

    /// <summary>This spec with every field that <paramref name="top"/> sets replaced by its value.</summary>
    public IntegrateSpec Overlay(IntegrateSpec top) => new()
    {
        Model = top.Model ?? Model,
        Kind = top.Kind ?? Kind,
        N = top.N ?? N,
        Members = top.Members ?? Members,
        G = top.G ?? G,
        GEnd = top.GEnd ?? GEnd,
        Connectivity = top.Connectivity ?? Connectivity,
        Weights = top.Weights ?? Weights,
        Alpha = top.Alpha ?? Alpha,
        Theta = top.Theta ?? Theta,
        PtaScan = top.PtaScan ?? PtaScan,
        PtaTolerance = top.PtaTolerance ?? PtaTolerance,
        Sigma = top.Sigma ?? Sigma,
        Rho = top.Rho ?? Rho,
        Beta = top.Beta ?? Beta,
        RosslerA = top.RosslerA ?? RosslerA,
        RosslerB = top.RosslerB ?? RosslerB,
        RosslerC = top.RosslerC ?? RosslerC,
        Dt = top.Dt ?? Dt,
        Method = top.Method ?? Method,
        Steps = top.Steps ?? Steps,
        RecordEvery = top.RecordEvery ?? RecordEvery,
        Precision = top.Precision ?? Precision,
        Seed = top.Seed ?? Seed,
        X0Std = top.X0Std ?? X0Std,
        Backend = top.Backend ?? Backend,
        ChunkMembers = top.ChunkMembers ?? ChunkMembers,
        Transient = top.Transient ?? Transient,
        Duration = top.Duration ?? Duration,
        Every = top.Every ?? Every,
        Exponents = top.Exponents ?? Exponents,
        Blocks = top.Blocks ?? Blocks,
        Tolerance = top.Tolerance ?? Tolerance,
        Checkpoint = top.Checkpoint ?? Checkpoint,
        NormEvery = top.NormEvery ?? NormEvery,
        Target = top.Target ?? Target,
        LossSteps = top.LossSteps ?? LossSteps,
    };
}
