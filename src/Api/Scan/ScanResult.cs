namespace FastAttractors;

/// <summary>
/// The spectra of some rows of a scan, one entry per row in the order computed (<see cref="Rows"/>), with each row's
/// grid point, member, parameters and seed. Per-row arrays have <see cref="Count"/> entries; <see cref="Exponents"/>
/// and <see cref="StandardErrors"/> hold k per row, row-major (row j's exponents are [j·k, (j+1)·k)). Exponents and
/// their sums are per time unit (flows) or per iteration (the map).
/// </summary>
public sealed class ScanResult
{
    private readonly double[][] axisColumns;

    internal ScanResult(ScanPlan plan, long[] rows, double[][] axisColumns, long[] seeds, ScanSpectra spectra)
    {
        Plan = plan;
        Rows = rows;
        this.axisColumns = axisColumns;
        Seeds = seeds;
        Exponents = spectra.Exponents;
        StandardErrors = spectra.StandardErrors;
        ExponentSum = spectra.ExponentSum;
        KaplanYorkeDimension = spectra.KaplanYorkeDimension;
        PositiveSum = spectra.PositiveSum;
        SumRuleResidual = spectra.SumRuleResidual;
        Contraction = spectra.Contraction;
        FailedStep = spectra.FailedStep;
        Status = spectra.Status;
    }

    /// <summary>The plan the rows belong to.</summary>
    public ScanPlan Plan { get; }

    /// <summary>Rows held.</summary>
    public int Count => Rows.Length;

    /// <summary>Exponents per row (k).</summary>
    public int K => Plan.K;

    /// <summary>The row index of each entry in the plan (0 … <see cref="ScanPlan.Rows"/> − 1).</summary>
    public long[] Rows { get; }

    /// <summary>The grid point of each row: row / members.</summary>
    public long[] Points => [.. Rows.Select(r => r / Plan.Members)];

    /// <summary>The member of each row within its point: row % members.</summary>
    public int[] MemberIndices => [.. Rows.Select(r => (int)(r % Plan.Members))];

    /// <summary>The value of axis <paramref name="axis"/> (alpha, theta or g) at each row's point.</summary>
    public double[] Parameter(string axis)
    {
        int at = Plan.AxisIndex(axis);
        return at >= 0 ? axisColumns[at]
            : throw new ArgumentException($"axis: the scan has no axis '{axis}' (axes: {string.Join(", ", Plan.Axes.Select(a => a.Name))}).", nameof(axis));
    }

    /// <summary>The value of the <paramref name="axis"/>-th axis at each row's point.</summary>
    public double[] Parameter(int axis) => axisColumns[axis];

    /// <summary>The seed each row drew its weights (tanh-gain) and initial state from.</summary>
    public long[] Seeds { get; }

    /// <summary>The k exponents of each row, descending, row-major.</summary>
    public double[] Exponents { get; }

    /// <summary>Their standard errors over the blocks, row-major like <see cref="Exponents"/>.</summary>
    public double[] StandardErrors { get; }

    /// <summary>The sum of each row's k exponents.</summary>
    public double[] ExponentSum { get; }

    /// <summary>Kaplan–Yorke dimension of each row (state-space dimensions).</summary>
    public double[] KaplanYorkeDimension { get; }

    /// <summary>Sum of each row's positive exponents.</summary>
    public double[] PositiveSum { get; }

    /// <summary>Σλ − ⟨tr J⟩ (flows) or Σλ − ⟨log |det J|⟩ (the map) of each row; NaN unless k = n.</summary>
    public double[] SumRuleResidual { get; }

    /// <summary>⟨tr J⟩ along each row's trajectory (flows) or ⟨log |det J|⟩ (the map); NaN unless k = n.</summary>
    public double[] Contraction { get; }

    /// <summary>The step at which a row went non-finite, or −1.</summary>
    public long[] FailedStep { get; }

    /// <summary>Whether each row converged, diverged or did not converge within the tolerance.</summary>
    public LyapunovStatus[] Status { get; }

    /// <summary>The exponents of entry <paramref name="entry"/> (not row index: the position in <see cref="Rows"/>).</summary>
    public double[] Spectrum(int entry) => Exponents.AsSpan(entry * K, K).ToArray();

    /// <summary>The results of <paramref name="parts"/> of one plan, one after another.</summary>
    public static ScanResult Concat(ScanPlan plan, IReadOnlyList<ScanResult> parts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Any(p => p.Plan != plan))
            throw new ArgumentException("parts: every part must come from the same plan.", nameof(parts));
        double[][] axes = [.. Enumerable.Range(0, plan.Axes.Count).Select(a => parts.SelectMany(p => p.axisColumns[a]).ToArray())];
        var spectra = new ScanSpectra(
            [.. parts.SelectMany(p => p.Exponents)], [.. parts.SelectMany(p => p.StandardErrors)], [.. parts.SelectMany(p => p.ExponentSum)],
            [.. parts.SelectMany(p => p.KaplanYorkeDimension)], [.. parts.SelectMany(p => p.PositiveSum)], [.. parts.SelectMany(p => p.SumRuleResidual)],
            [.. parts.SelectMany(p => p.Contraction)], [.. parts.SelectMany(p => p.FailedStep)], [.. parts.SelectMany(p => p.Status)]);
        return new ScanResult(plan, [.. parts.SelectMany(p => p.Rows)], axes, [.. parts.SelectMany(p => p.Seeds)], spectra);
    }
}

/// <summary>The per-row outputs of the Lyapunov runs of some rows, in row order (see <see cref="ScanResult"/>).</summary>
internal sealed record ScanSpectra(
    double[] Exponents, double[] StandardErrors, double[] ExponentSum, double[] KaplanYorkeDimension, double[] PositiveSum,
    double[] SumRuleResidual, double[] Contraction, long[] FailedStep, LyapunovStatus[] Status)
{
    public static ScanSpectra Of(LyapunovSpectra s) => new(
        s.Exponents, s.StandardErrors, [.. Enumerable.Range(0, s.Members).Select(m => s.Spectrum(m).Sum())],
        s.KaplanYorkeDimension, s.PositiveSum, s.SumRuleResidual, s.Contraction, s.FailedStep, s.Status);
}
