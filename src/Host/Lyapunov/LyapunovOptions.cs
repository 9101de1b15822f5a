namespace FastAttractors;

/// <summary>
/// How to estimate Lyapunov spectra by the Benettin QR method (docs/explanations/qr-method.md). Times are in model time units for flows and
/// in iterations for maps; <see cref="Every"/> is in steps. Results are independent of <see cref="ChunkMembers"/> and,
/// within their standard errors, of <see cref="Every"/>.
/// </summary>
public sealed record LyapunovOptions
{
    /// <summary>Time first run for the state and to orient Q; nothing is accumulated. Rounded up to whole QR intervals.</summary>
    public double Transient { get; init; } = 100;

    /// <summary>Accumulation time; the exponents are divided by this (rounded to whole QR intervals) only.</summary>
    public double Duration { get; init; } = 1_000;

    /// <summary>Steps between re-orthonormalisations (QR).</summary>
    public int Every { get; init; } = 10;

    /// <summary>Number k of leading exponents (1 ≤ k ≤ n); null for the full spectrum.</summary>
    public int? Exponents { get; init; }

    /// <summary>Blocks for the standard errors (at least 10, see docs/explanations/qr-method.md); the accumulation must hold one QR interval per block.</summary>
    public int Blocks { get; init; } = 10;

    /// <summary>
    /// A member whose largest standard error exceeds this is flagged <see cref="LyapunovStatus.NotConverged"/> (its
    /// exponents are still reported). Per time unit (flows) or per iteration (maps).
    /// </summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>State and tangent precision (float32 allowed for speed); the log |R_ii| sums are always float64.</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>Members per device chunk; null chooses the largest that fits. Results do not depend on it.</summary>
    public int? ChunkMembers { get; init; }

    /// <summary>
    /// The defaults: transient 100, duration 1000, QR every 10 steps, full spectrum, 10 blocks, tolerance 0.05,
    /// float64.
    /// </summary>
    public static LyapunovOptions Default { get; } = new();
}
