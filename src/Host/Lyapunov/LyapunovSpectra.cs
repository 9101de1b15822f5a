namespace FastAttractors;

/// <summary>
/// Lyapunov spectra of an ensemble with per-member diagnostics (docs/explanations/qr-method.md). Per-exponent arrays are member-major
/// (exponent i of member m at m·K + i), sorted in descending order of the exponent within each member, each standard
/// error kept with its exponent. Rates are per time unit for flows and per iteration for maps.
/// </summary>
public sealed class LyapunovSpectra
{
    internal LyapunovSpectra(int dimension, int members, int k, int blocks, double transientTime, double accumulationTime,
        double dt, int every, Backend backend, Precision precision)
    {
        Dimension = dimension;
        Members = members;
        K = k;
        Blocks = blocks;
        TransientTime = transientTime;
        AccumulationTime = accumulationTime;
        StepSize = dt;
        Every = every;
        Backend = backend;
        Precision = precision;
        Exponents = new double[(long)members * k];
        StandardErrors = new double[(long)members * k];
        SumRuleResidual = new double[members];
        Contraction = new double[members];
        KaplanYorkeDimension = new double[members];
        PositiveSum = new double[members];
        Status = new LyapunovStatus[members];
        FailedStep = new long[members];
    }

    /// <summary>The state dimension n.</summary>
    public int Dimension { get; }
    /// <summary>The number of members.</summary>
    public int Members { get; }

    /// <summary>Exponents per member.</summary>
    public int K { get; }

    /// <summary>The number of blocks B the accumulation was split into for the standard errors.</summary>
    public int Blocks { get; }
    /// <summary>The transient time actually run (whole QR intervals) before accumulating.</summary>
    public double TransientTime { get; }

    /// <summary>The time the exponents are averaged over (a whole number of QR intervals).</summary>
    public double AccumulationTime { get; }

    /// <summary>Time per step (dt for flows, 1 for maps).</summary>
    public double StepSize { get; }
    /// <summary>Steps between QR re-orthonormalisations.</summary>
    public int Every { get; }
    /// <summary>The backend that ran the estimate.</summary>
    public Backend Backend { get; }
    /// <summary>The precision of state and tangents (log |R_ii| sums are float64 regardless).</summary>
    public Precision Precision { get; }

    /// <summary>
    /// The exponents, member-major (exponent i of member m at m·K + i), largest first per member; NaN for a diverged
    /// member.
    /// </summary>
    public double[] Exponents { get; }

    /// <summary>Standard error of each exponent: the spread of its B block estimates / √B.</summary>
    public double[] StandardErrors { get; }

    /// <summary>Σλ − ⟨tr J⟩ (flows) or Σλ − ⟨log |det J|⟩ (maps); NaN unless the full spectrum (k = n) was computed.</summary>
    public double[] SumRuleResidual { get; }

    /// <summary>⟨tr J⟩ along the trajectory (flows) or ⟨log |det J|⟩ (maps); NaN unless k = n.</summary>
    public double[] Contraction { get; }

    /// <summary>
    /// Kaplan–Yorke dimension j + (λ1 + … + λj) / |λ_{j+1}|, j the largest index with a non-negative partial sum; 0 when
    /// λ1 &lt; 0; n when all n partial sums are non-negative; NaN when only k &lt; n exponents were computed and all k
    /// partial sums are non-negative (the dimension is then at least k, but unknown).
    /// </summary>
    public double[] KaplanYorkeDimension { get; }

    /// <summary>Sum of the positive exponents (an upper bound on the Kolmogorov–Sinai entropy, Pesin).</summary>
    public double[] PositiveSum { get; }

    /// <summary>Per-member outcome.</summary>
    public LyapunovStatus[] Status { get; }

    /// <summary>The step at which a diverged member went non-finite; −1 otherwise.</summary>
    public long[] FailedStep { get; }

    /// <summary>The spectrum of member <paramref name="member"/>, largest first.</summary>
    public double[] Spectrum(int member) => Exponents.AsSpan(member * K, K).ToArray();

    /// <summary>The standard errors of member <paramref name="member"/>'s exponents, in the order of <see cref="Spectrum"/>.</summary>
    public double[] Errors(int member) => StandardErrors.AsSpan(member * K, K).ToArray();
}
