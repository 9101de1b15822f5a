namespace FastAttractors.Native;

/// <summary>The parameter blocks read from an fa_model (null where the slot was NULL or the model lacks it).</summary>
internal sealed record ModelBlocks(ParameterBlock? W, ParameterBlock? B, ParameterBlock? Tau, double[] Coefficients, ParameterBlock? PerMemberCoefficients);

/// <summary>
/// One fa_model_kind: which of the fa_model slots the model takes, what its engine parameter blocks are called (so
/// gradients land in the right output slot) and how the engine's model is built. One row per built-in model, so a
/// new built-in is one entry here and one enumerator in the header.
/// </summary>
/// <param name="Code">The fa_model_kind value (the ABI).</param>
/// <param name="Name">The header's enumerator, used in messages.</param>
/// <param name="Map">Whether the model is a map (iterated, one step per iteration) rather than a flow.</param>
/// <param name="Dimension">The fixed state dimension, or null when n follows from the matrix (n·n values).</param>
/// <param name="Matrix">The engine's name of the n × n block in the w slot ("W", "A"), or null when there is none.</param>
/// <param name="Bias">Whether the model takes b (n values).</param>
/// <param name="Tau">Whether the model takes tau (1 value).</param>
/// <param name="Coefficients">The engine's name of its coefficient block (e.g. "sigma_rho_beta"), or null.</param>
/// <param name="Defaults">The coefficients used when the slot is NULL (their count is the block's length).</param>
/// <param name="PerMemberCoefficients">Whether the coefficients may differ per member (Rössler's may not).</param>
internal sealed record ModelKind(int Code, string Name, bool Map, int? Dimension, string? Matrix, bool Bias, bool Tau,
    string? Coefficients, double[] Defaults, bool PerMemberCoefficients, Func<ModelBlocks, IEnsembleModel> Build)
{
    /// <summary>The coefficient names for messages, e.g. "sigma, rho, beta".</summary>
    public string CoefficientNames { get; init; } = "";
}

/// <summary>The fa_model_kind table (values must match native/fastattractors.h; a test compares them).</summary>
internal static class ModelKinds
{
    public static IReadOnlyList<ModelKind> All { get; } =
    [
        new(1, "FA_MODEL_TANH_RNN", false, null, "W", Bias: true, Tau: true, null, [], false,
            m => new TanhRnn(m.W!, m.B, m.Tau)),
        new(2, "FA_MODEL_RELU_RNN", false, null, "W", Bias: true, Tau: false, null, [], false,
            m => new ReluRnn(m.W!, m.B)),
        new(3, "FA_MODEL_TANH_OF_LINEAR", false, null, "W", Bias: false, Tau: false, null, [], false,
            m => new TanhOfLinear(m.W!, DynamicsKind.Flow)),
        new(4, "FA_MODEL_TANH_OF_LINEAR_MAP", true, null, "W", Bias: false, Tau: false, null, [], false,
            m => new TanhOfLinear(m.W!, DynamicsKind.Map)),
        new(5, "FA_MODEL_LINEAR", false, null, "A", Bias: true, Tau: false, null, [], false,
            m => new Linear(m.W!, m.B, DynamicsKind.Flow)),
        new(6, "FA_MODEL_LINEAR_MAP", true, null, "A", Bias: true, Tau: false, null, [], false,
            m => new Linear(m.W!, m.B, DynamicsKind.Map)),
        new(7, "FA_MODEL_LORENZ", false, 3, null, Bias: false, Tau: false, "sigma_rho_beta", [10.0, 28.0, 8.0 / 3.0], true,
            m => new Lorenz(m.PerMemberCoefficients ?? ParameterBlock.Shared("sigma_rho_beta", m.Coefficients))) { CoefficientNames = "sigma, rho, beta" },
        new(8, "FA_MODEL_HENON", true, 2, null, Bias: false, Tau: false, "a_b", [1.4, 0.3], true,
            m => new Henon(m.PerMemberCoefficients ?? ParameterBlock.Shared("a_b", m.Coefficients))) { CoefficientNames = "a, b" },
        // The engine's Rössler is a UserModel whose a, b, c are constants of the field: shared, and not differentiated.
        new(9, "FA_MODEL_ROSSLER", false, 3, null, Bias: false, Tau: false, "rossler_abc", [0.2, 0.2, 5.7], false,
            m => Rossler.Create(m.Coefficients[0], m.Coefficients[1], m.Coefficients[2])) { CoefficientNames = "a, b, c" },
    ];

    public static ModelKind FromCode(int code, string argument) =>
        All.FirstOrDefault(k => k.Code == code)
        ?? throw new ArgumentOutOfRangeException(argument, code,
            $"{argument}: unknown fa_model_kind {code}; valid: {string.Join(", ", All.Select(k => $"{k.Code} {k.Name}"))}.");
}
