namespace FastAttractors;

/// <summary>
/// An ensemble of noisy copies of one base network: for every noise level σ_p of <see cref="Sigmas"/>,
/// <see cref="MembersPerSigma"/> members W + σ_p ξ_(p, m) (<see cref="WeightNoise"/>). Member index p · M + m (σ-point
/// major). The noise of (p, m) is a pure function of (seed, p, m) — or of (seed, m) with
/// <see cref="NoiseDraws.CommonDirections"/> — so it does not depend on M, on the rest of the grid or on chunking.
/// </summary>
public sealed class WeightNoiseEnsemble
{
    /// <summary>
    /// An ensemble of <paramref name="sigmas"/>.Count × <paramref name="membersPerSigma"/> noisy copies of
    /// <paramref name="baseModel"/>.
    /// </summary>
    /// <param name="baseModel">The noise-free network (TanhRnn, ReluRnn, Linear or TanhOfLinear).</param>
    /// <param name="sigmas">The noise levels σ_p (finite, ≥ 0; at least one).</param>
    /// <param name="membersPerSigma">M: members per noise level, in [1, 2³⁰].</param>
    /// <param name="seed">Seeds the noise.</param>
    /// <param name="draws">Whether the σ points draw independent noise or share directions.</param>
    public WeightNoiseEnsemble(IEnsembleModel baseModel, IReadOnlyList<double> sigmas, int membersPerSigma, long seed,
        NoiseDraws draws = NoiseDraws.IndependentPerSigma)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        WeightNoise.ValidateSigmas(sigmas);
        if (membersPerSigma < 1 || membersPerSigma > (1 << 30))
            throw new ArgumentOutOfRangeException(nameof(membersPerSigma), membersPerSigma,
                $"membersPerSigma must be in [1, 2^30], got {membersPerSigma}.");
        if ((long)sigmas.Count * membersPerSigma > int.MaxValue)
            throw new ArgumentException($"sigmas × membersPerSigma = {(long)sigmas.Count * membersPerSigma} members is too many.", nameof(membersPerSigma));
        if (!Enum.IsDefined(draws))
            throw new ArgumentOutOfRangeException(nameof(draws), draws, $"draws must be IndependentPerSigma or CommonDirections, got {draws}.");
        BaseModel = baseModel;
        Sigmas = sigmas.ToArray();
        MembersPerSigma = membersPerSigma;
        Seed = seed;
        Draws = draws;
        Model = WithNoisyWeights(baseModel);
    }

    /// <summary>The noise-free network.</summary>
    public IEnsembleModel BaseModel { get; }
    /// <summary>The noise levels σ_p, in the order of the member index.</summary>
    public IReadOnlyList<double> Sigmas { get; }
    /// <summary>M: members per noise level.</summary>
    public int MembersPerSigma { get; }
    /// <summary>The seed of the noise.</summary>
    public long Seed { get; }
    /// <summary>How the noise of different σ points relates.</summary>
    public NoiseDraws Draws { get; }
    /// <summary>The total number of members, Sigmas.Count × MembersPerSigma.</summary>
    public int Members => Sigmas.Count * MembersPerSigma;

    /// <summary>The base model with per-member weights W + σ ξ (other parameters shared, as in the base).</summary>
    public IEnsembleModel Model { get; }

    /// <summary>The σ-point index p of member <paramref name="member"/>.</summary>
    public int PointOf(int member) => member / MembersPerSigma;
    /// <summary>The draw index m (within its σ point) of member <paramref name="member"/>.</summary>
    public int DrawOf(int member) => member % MembersPerSigma;
    /// <summary>The noise level σ of member <paramref name="member"/>.</summary>
    public double SigmaOf(int member) => Sigmas[PointOf(member)];

    /// <summary>The counter-stream key of a member's noise: (p, m) packed, or m alone for common directions.</summary>
    internal long NoiseKey(int member) =>
        Draws == NoiseDraws.CommonDirections ? DrawOf(member) : ((long)PointOf(member) << 31) | (long)DrawOf(member);

    /// <summary>Every member starting at the same state <paramref name="x0"/> (n values).</summary>
    public EnsembleProblem Problem(double[] x0)
    {
        ArgumentNullException.ThrowIfNull(x0);
        if (x0.Length != BaseModel.Dimension)
            throw new ArgumentException($"x0: expected n = {BaseModel.Dimension} values, got {x0.Length}.", nameof(x0));
        return new EnsembleProblem(Model, InitialStates.Constant(Members, x0), Members);
    }

    private IEnsembleModel WithNoisyWeights(IEnsembleModel model) => model switch
    {
        TanhRnn m => new TanhRnn(WeightNoise.PerMember(m.W, this), m.B, m.Tau),
        ReluRnn m => new ReluRnn(WeightNoise.PerMember(m.W, this), m.B),
        Linear m => new Linear(WeightNoise.PerMember(m.A, this), m.B, m.Kind),
        TanhOfLinear m => new TanhOfLinear(WeightNoise.PerMember(m.W, this), m.Kind),
        _ => throw new ArgumentException(
            $"baseModel: weight noise needs a model with a weight matrix (TanhRnn, ReluRnn, Linear, TanhOfLinear), got {model.Name}.", "baseModel"),
    };
}
