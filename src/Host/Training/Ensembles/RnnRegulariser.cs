using FastAttractors.Degeneracy;

namespace FastAttractors.Training;

/// <summary>Which penalty on the recurrent weights W is added to the task loss.</summary>
public enum RegulariserKind
{
    /// <summary>No penalty.</summary>
    None,

    /// <summary>λ Σ W_ij² (weight decay written into the loss, so Adam sees it as part of the gradient).</summary>
    L2,

    /// <summary>λ Σ |W_ij| (sparsity); the subgradient at W_ij = 0 is taken as 0.</summary>
    L1,

    /// <summary>λ ‖W‖_* = λ Σ σ_i(W) (low rank); gradient λ U Vᵀ from W = U Σ Vᵀ.</summary>
    Nuclear,
}

/// <summary>
/// A penalty λ·R(W) on the recurrent weights only (input, bias and readout blocks are left free, as in the degeneracy
/// study, where the regularisers shape the recurrent dynamics). <see cref="AddTo"/> returns the penalty and adds its
/// gradient to the task gradient, so the optimiser minimises task loss + penalty.
/// </summary>
/// <param name="Kind">Which penalty.</param>
/// <param name="Strength">λ ≥ 0 (0 switches the penalty off).</param>
public sealed record RnnRegulariser(RegulariserKind Kind, double Strength)
{
    /// <summary>No penalty.</summary>
    public static RnnRegulariser None { get; } = new(RegulariserKind.None, 0);

    /// <summary>Singular values below this fraction of the largest count as zero in the nuclear-norm gradient: their
    /// singular vectors come from an eigen-decomposition of WᵀW, which resolves σ only to about √ε_machine · σ_max.</summary>
    public const double NuclearRankTolerance = 1e-7;

    /// <summary>A short label, e.g. "none", "l2:0.001", "nuclear:0.01".</summary>
    public string Label => Kind == RegulariserKind.None || Strength == 0
        ? "none"
        : $"{Kind.ToString().ToLowerInvariant()}:{Strength.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Throws naming <paramref name="argument"/> when the kind is unknown or λ is negative or not finite.</summary>
    public void Validate(string argument)
    {
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(argument, Kind, $"{argument}: regulariser kind must be None, L2, L1 or Nuclear, got {Kind}.");
        if (!(Strength >= 0) || !double.IsFinite(Strength))
            throw new ArgumentOutOfRangeException(argument, Strength, $"{argument}: regulariser strength must be non-negative and finite, got {Strength}.");
    }

    /// <summary>λ·R(W) of <paramref name="parameters"/>; when <paramref name="gradient"/> is given, adds λ·∂R/∂W to its W block.</summary>
    public double AddTo(RnnParameters parameters, double[]? gradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (Kind == RegulariserKind.None || Strength == 0)
            return 0;
        ReadOnlySpan<double> w = parameters.W;
        // Non-finite weights: the penalty is NaN, which the trainer reads as divergence (the eigen-solver would throw).
        foreach (double x in w)
        {
            if (!double.IsFinite(x))
                return double.NaN;
        }
        Span<double> g = gradient is null ? default : gradient.AsSpan(parameters.Shape.WOffset, w.Length);
        switch (Kind)
        {
            case RegulariserKind.L2:
            {
                double sum = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    sum += w[i] * w[i];
                    if (gradient is not null)
                        g[i] += 2 * Strength * w[i];
                }
                return Strength * sum;
            }
            case RegulariserKind.L1:
            {
                double sum = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    sum += Math.Abs(w[i]);
                    if (gradient is not null)
                        g[i] += Strength * Math.Sign(w[i]);
                }
                return Strength * sum;
            }
            default:
                return Strength * Nuclear(w, parameters.Shape.Hidden, g, Strength, gradient is not null);
        }
    }

    /// <summary>‖W‖_* from the eigen-decomposition WᵀW = V Λ Vᵀ (σ = √λ); gradient U Vᵀ = W V Σ⁻¹ Vᵀ over σ above the tolerance.</summary>
    private static double Nuclear(ReadOnlySpan<double> w, int n, Span<double> gradient, double strength, bool wantGradient)
    {
        var wtw = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                    sum += w[k * n + i] * w[k * n + j];
                wtw[i, j] = wtw[j, i] = sum;
            }
        }
        var eigen = SymmetricEigen.Decompose(wtw);
        var sigma = eigen.Values.Select(l => Math.Sqrt(Math.Max(l, 0))).ToArray();
        double norm = sigma.Sum();
        if (!wantGradient)
            return norm;
        double cutoff = NuclearRankTolerance * sigma.Max();
        // P = V Σ⁻¹ Vᵀ over the kept singular values, then gradient += λ W P.
        var p = new double[n, n];
        var v = eigen.Vectors;
        for (int k = 0; k < n; k++)
        {
            if (!(sigma[k] > cutoff))
                continue;
            double inverse = 1 / sigma[k];
            for (int i = 0; i < n; i++)
            {
                double vi = v[i, k] * inverse;
                for (int j = 0; j < n; j++)
                    p[i, j] += vi * v[j, k];
            }
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                    sum += w[i * n + k] * p[k, j];
                gradient[i * n + j] += strength * sum;
            }
        }
        return norm;
    }
}
