using System.Numerics;

namespace FastAttractors.Degeneracy;

/// <summary>
/// Fixed and slow points of tanh networks (Sussillo &amp; Barak 2013), batched over networks and starts: from each
/// starting state (e.g. states sampled on the network's own trajectories, see <see cref="SampleStarts"/>) minimise
/// q(h) = ½‖r(h)‖² by Levenberg–Marquardt with the analytic Jacobian, keep the ends whose relative speed is at most
/// <see cref="FixedPointOptions.SlowPointSpeed"/>, merge ends closer than
/// <see cref="FixedPointOptions.DeduplicationDistance"/> (the slowest of a cluster represents it), then classify each
/// distinct point as fixed or slow and by the eigenvalues of the dynamics' Jacobian there.
/// <para>Exact vs approximate: a reported fixed point is a numerical zero of r (to the relative speed threshold; true
/// fixed points reach rounding level), and its eigenvalues are backward-stable QR eigenvalues. Which points are found
/// depends on the starts: the set is a sample, not a certificate that no other fixed point exists.</para>
/// </summary>
public static class FixedPointFinder
{
    /// <summary>The distinct fixed and slow points of <paramref name="network"/> reached from the rows of
    /// <paramref name="starts"/> (starts × n).</summary>
    public static NetworkCriticalPoints Find(TanhNetwork network, double[,] starts, FixedPointOptions? options = null) =>
        FindAll([network], [starts], options)[0];

    /// <summary>
    /// <see cref="Find"/> for many networks at once; network k is searched from the rows of <paramref name="starts"/>[k].
    /// All (network, start) minimisations run in parallel; the result does not depend on the number of threads.
    /// </summary>
    public static NetworkCriticalPoints[] FindAll(IReadOnlyList<TanhNetwork> networks, IReadOnlyList<double[,]> starts, FixedPointOptions? options = null)
    {
        Require.Matching(networks, starts, nameof(networks), nameof(starts), "one start matrix per network");
        options ??= new FixedPointOptions();
        options.Validate();
        var offsets = new int[networks.Count + 1];
        for (int k = 0; k < networks.Count; k++)
        {
            Require.NotNull(networks[k], $"{nameof(networks)}[{k}]");
            Require.NotNull(starts[k], $"{nameof(starts)}[{k}]");
            if (starts[k].GetLength(1) != networks[k].Dimension)
                throw new ArgumentException($"'{nameof(starts)}[{k}]' must have {networks[k].Dimension} columns (the network's dimension), got {starts[k].GetLength(1)}.", nameof(starts));
            Require.Finite(starts[k], $"{nameof(starts)}[{k}]");
            offsets[k + 1] = offsets[k] + starts[k].GetLength(0);
        }

        var ends = new double[offsets[^1]][];
        var speeds = new double[offsets[^1]];
        var networkOfJob = new int[offsets[^1]];
        for (int k = 0; k < networks.Count; k++)
            Array.Fill(networkOfJob, k, offsets[k], offsets[k + 1] - offsets[k]);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        // Each thread keeps the solver (4 n × n work arrays) of the network it last worked on: jobs come in ranges,
        // so consecutive jobs of a thread mostly share a network, and memory stays one solver per thread.
        Parallel.For(0, offsets[^1], parallel, () => new SolverSlot(), (job, _, slot) =>
        {
            int k = networkOfJob[job];
            var network = networks[k];
            if (slot.Network != k || slot.Solver is null)
            {
                slot.Network = k;
                slot.Solver = new LevenbergMarquardt(network);
            }
            var h = Start(starts[k], job - offsets[k], network.Dimension, options, k);
            speeds[job] = slot.Solver.Minimise(h, options.MaxIterations);
            ends[job] = h;
            return slot;
        }, _ => { });

        var result = new NetworkCriticalPoints[networks.Count];
        Parallel.For(0, networks.Count, parallel, k =>
            result[k] = Classify(networks[k], ends[offsets[k]..offsets[k + 1]], speeds[offsets[k]..offsets[k + 1]], options));
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> starting states drawn uniformly (with replacement, seeded) from the rows of the
    /// trajectories <paramref name="trajectories"/> (each time × n): the usual starts of the search.
    /// </summary>
    public static double[,] SampleStarts(IReadOnlyList<double[,]> trajectories, int count, long seed)
    {
        Require.NotNull(trajectories, nameof(trajectories));
        Require.AtLeast(trajectories.Count, 1, $"{nameof(trajectories)}.Count");
        Require.AtLeast(count, 1, nameof(count));
        int n = trajectories[0].GetLength(1);
        int total = 0;
        foreach (var t in trajectories)
        {
            Require.NotNull(t, nameof(trajectories));
            if (t.GetLength(1) != n)
                throw new ArgumentException($"every trajectory in '{nameof(trajectories)}' must have {n} columns, got {t.GetLength(1)}.", nameof(trajectories));
            total += t.GetLength(0);
        }
        Require.AtLeast(total, 1, "total trajectory rows");
        var rng = new System.Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var starts = new double[count, n];
        for (int s = 0; s < count; s++)
        {
            int row = rng.Next(total);
            int t = 0;
            while (row >= trajectories[t].GetLength(0)) { row -= trajectories[t].GetLength(0); t++; }
            for (int j = 0; j < n; j++) starts[s, j] = trajectories[t][row, j];
        }
        return starts;
    }

    private sealed class SolverSlot
    {
        public int Network = -1;
        public LevenbergMarquardt? Solver;
    }

    /// <summary>Start s of network k, plus Gaussian noise that depends only on (seed, k, s).</summary>
    private static double[] Start(double[,] starts, int s, int n, FixedPointOptions options, int k)
    {
        var h = new double[n];
        for (int j = 0; j < n; j++) h[j] = starts[s, j];
        if (options.StartNoise > 0)
        {
            var rng = new System.Random(HashCode.Combine(options.Seed, k, s));
            for (int j = 0; j < n; j++)
            {
                // Box–Muller: one normal from two uniforms (1 − u keeps the logarithm finite).
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                h[j] += options.StartNoise * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        }
        return h;
    }

    private static NetworkCriticalPoints Classify(TanhNetwork network, double[][] ends, double[] speeds, FixedPointOptions options)
    {
        double Relative(int i) => speeds[i] / Math.Max(1, TanhNetwork.SquaredNorm(ends[i]));
        var order = Enumerable.Range(0, ends.Length)
            .Where(i => double.IsFinite(speeds[i]) && Relative(i) <= options.SlowPointSpeed)
            .OrderBy(i => speeds[i]).ToList();
        int rejected = ends.Length - order.Count;
        var representatives = new List<int>();
        var hits = new List<int>();
        double tolerance2 = options.DeduplicationDistance * options.DeduplicationDistance;
        foreach (int i in order)
        {
            int match = representatives.FindIndex(r => SquaredDistance(ends[r], ends[i]) <= tolerance2);
            if (match >= 0) { hits[match]++; continue; }
            representatives.Add(i);
            hits.Add(1);
        }
        var points = new CriticalPoint[representatives.Count];
        for (int p = 0; p < points.Length; p++)
        {
            int i = representatives[p];
            bool isFixed = Relative(i) <= options.FixedPointSpeed;
            Complex[] eigenvalues = [];
            var stability = StabilityClass.Stable;
            int unstable = 0, marginal = 0;
            if (options.ComputeEigenvalues)
            {
                eigenvalues = RealEigenvalues.Of(network.Jacobian(ends[i]));
                (stability, unstable, marginal) = StabilityOf(eigenvalues, network.Form, options.StabilityMargin);
            }
            points[p] = new CriticalPoint(ends[i], speeds[i], isFixed, eigenvalues, stability, unstable, marginal, hits[p]);
        }
        return new NetworkCriticalPoints(points, ends.Length, rejected);
    }

    /// <summary>Stability class and counts of unstable and marginal directions of a Jacobian spectrum.</summary>
    public static (StabilityClass Class, int Unstable, int Marginal) StabilityOf(IReadOnlyList<Complex> eigenvalues, RecurrentForm form, double margin)
    {
        Require.NotNull(eigenvalues, nameof(eigenvalues));
        Require.NonNegative(margin, nameof(margin));
        int unstable = 0, marginal = 0;
        foreach (var lambda in eigenvalues)
        {
            // Distance past the boundary: |λ| − 1 for maps, Re λ for flows (positive = unstable).
            double excess = form == RecurrentForm.Discrete ? lambda.Magnitude - 1 : lambda.Real;
            if (excess > margin) unstable++;
            else if (excess >= -margin) marginal++;
        }
        var stabilityClass = unstable == eigenvalues.Count ? StabilityClass.Unstable
            : unstable > 0 ? StabilityClass.Saddle
            : marginal > 0 ? StabilityClass.Marginal
            : StabilityClass.Stable;
        return (stabilityClass, unstable, marginal);
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) { double d = a[i] - b[i]; sum += d * d; }
        return sum;
    }
}
