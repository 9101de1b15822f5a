using System.Globalization;

namespace FastAttractors.Training;

/// <summary>
/// Where PTA draws (α, θ) for each 2 × 2 block of Eq. 19: the zero-exponent region of the block's map
/// x ← tanh(α R(θ) x) (Eq. 21; Fig. 5A), as a list of cells (α, θ) ± half widths drawn uniformly (pick a cell, then a
/// point inside it). <see cref="DiscreteDefault"/> is the documented table; <see cref="FromScan"/> reads a CSV scan result
/// (scan directories and Parquet files are read by the CLI, src/Cli/Scan/ScanPtaRegion.cs, which passes the cells here).
/// </summary>
public sealed class PtaRegion
{
    /// <summary>A region made of the given cells, each a box of the given half widths.</summary>
    /// <param name="cells">Cell centres (α, θ), θ in radians; at least one.</param>
    /// <param name="halfAlpha">Half width of every cell in α; non-negative.</param>
    /// <param name="halfTheta">Half width of every cell in θ (radians); non-negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cells"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A half width is negative or NaN.</exception>
    public PtaRegion(IReadOnlyList<(double Alpha, double Theta)> cells, double halfAlpha, double halfTheta)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
            throw new ArgumentException("cells: the zero-exponent region is empty.", nameof(cells));
        if (!(halfAlpha >= 0) || !(halfTheta >= 0))
            throw new ArgumentOutOfRangeException(nameof(halfAlpha), (halfAlpha, halfTheta), "half widths must be non-negative.");
        Cells = cells;
        HalfAlpha = halfAlpha;
        HalfTheta = halfTheta;
    }

    /// <summary>Cell centres (α, θ), θ in radians; each is picked with equal probability.</summary>
    public IReadOnlyList<(double Alpha, double Theta)> Cells { get; }
    /// <summary>Half width of each cell in α.</summary>
    public double HalfAlpha { get; }
    /// <summary>Half width of each cell in θ, in radians.</summary>
    public double HalfTheta { get; }

    /// <summary>
    /// The discrete map's region used when no scan is given: α ∈ [1, 1.1], θ ∈ [0.3, π − 0.3]. Why: for α &lt; 1 the
    /// origin attracts and λ1 = λ2 = log α &lt; 0 (the map's closed form); at α = 1 the linearisation is a rotation (λ = log α = 0);
    /// just above 1 the origin repels and the orbit settles on a small invariant circle on which the rotation goes on
    /// (λ1 = 0, λ2 &lt; 0), as long as θ is far enough from 0 and π that tanh's saturation cannot lock the orbit to
    /// fixed points or a period-2 cycle (the fixed-point wedge at small θ grows with α, Fig. 5A/B). Keeping α close to 1
    /// also keeps the circles small, so the network starts near its linear regime. A test checks the region with
    /// Engine.Lyapunov. Narrow Arnold tongues (e.g. θ = π/2, period 4) may lock a few blocks; they are a small fraction.
    /// </summary>
    public static PtaRegion DiscreteDefault { get; } = new([(1.05, Math.PI / 2)], 0.05, Math.PI / 2 - 0.3);

    /// <summary>
    /// Reads a scan result (CSV with a header naming columns <c>alpha</c>, <c>theta</c> and <c>lambda1</c>, any order,
    /// other columns ignored) and keeps the grid points with |λ1| &lt; <paramref name="tolerance"/>; each is a cell as
    /// wide as the grid spacing.
    /// </summary>
    public static PtaRegion FromScan(string path, double tolerance = 0.01)
    {
        if (!File.Exists(path))
            throw new ArgumentException($"scan file '{path}' does not exist.", nameof(path));
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length < 2)
            throw new ArgumentException($"scan file '{path}' has no rows.", nameof(path));
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int ia = header.IndexOf("alpha"), it = header.IndexOf("theta"), il = header.IndexOf("lambda1");
        if (ia < 0 || it < 0 || il < 0)
            throw new ArgumentException($"scan file '{path}': the header must name alpha, theta and lambda1, got '{lines[0]}'.", nameof(path));
        var points = new List<(double Alpha, double Theta, double Lambda)>();
        for (int r = 1; r < lines.Length; r++)
        {
            var f = lines[r].Split(',');
            if (f.Length <= Math.Max(ia, Math.Max(it, il)) || !TryParse(f[ia], out double a) || !TryParse(f[it], out double t) || !TryParse(f[il], out double l))
                throw new ArgumentException($"scan file '{path}', line {r + 1}: cannot read alpha, theta, lambda1 from '{lines[r]}'.", nameof(path));
            points.Add((a, t, l));
        }
        var cells = points.Where(p => double.IsFinite(p.Lambda) && Math.Abs(p.Lambda) < tolerance).Select(p => (p.Alpha, p.Theta)).ToList();
        if (cells.Count == 0)
            throw new ArgumentException($"scan file '{path}': no point has |lambda1| < {tolerance}.", nameof(path));
        return new PtaRegion(cells, Spacing(points.Select(p => p.Alpha)) / 2, Spacing(points.Select(p => p.Theta)) / 2);

        static bool TryParse(string s, out double v) => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out v);
    }

    private static double Spacing(IEnumerable<double> values)
    {
        var distinct = values.Distinct().Order().ToArray();
        return distinct.Length < 2 ? 0 : distinct.Zip(distinct.Skip(1), (a, b) => b - a).Min();
    }

    /// <summary>Block k's (α, θ) from three uniforms: cell, α offset, θ offset.</summary>
    public (double Alpha, double Theta) Sample(double u0, double u1, double u2)
    {
        var (alpha, theta) = Cells[Math.Min(Cells.Count - 1, (int)(u0 * Cells.Count))];
        return (alpha + HalfAlpha * (2 * u1 - 1), theta + HalfTheta * (2 * u2 - 1));
    }
}
