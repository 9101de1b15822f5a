namespace FastAttractors.Degeneracy;

/// <summary>The permutation-invariant distance between two weight matrices and the neuron matching that gives it.</summary>
/// <param name="Frobenius">‖W₁ − Pᵀ W₂ P‖_F at the matching (weight units).</param>
/// <param name="PerParameter">Frobenius / n²: normalised by the number of recurrent parameters.</param>
/// <param name="Matching">π: neuron i of network 1 is matched to neuron π[i] of network 2, i.e. (Pᵀ W₂ P)_ij = W₂[π i, π j].</param>
/// <param name="IsExact">True when the minimum over all n! permutations was taken (n ≤ the exact limit).</param>
public sealed record WeightDistance(double Frobenius, double PerParameter, int[] Matching, bool IsExact);

/// <summary>
/// d_PIF(W₁, W₂) = min over permutation matrices P of ‖W₁ − Pᵀ W₂ P‖_F: the distance between recurrent weight
/// matrices that ignores the arbitrary order of hidden units. This is a quadratic assignment problem (NP-hard), so:
/// <list type="bullet">
/// <item>n ≤ <c>exactUpTo</c> (default 8, at most <see cref="MaxExact"/>): exact, by enumerating all n! permutations.</item>
/// <item>larger n: an upper bound. Neurons are matched by a linear assignment (<see cref="LinearAssignment"/>, exact
/// for its own cost) on permutation-invariant profiles: the cost of pairing unit i with unit j is the squared distance
/// between their sorted incoming weights, plus that between their sorted outgoing weights (self-weight excluded from
/// both), plus the squared difference of their self-weights. The matching is then improved by swapping pairs of
/// assignments while that lowers ‖W₁ − Pᵀ W₂ P‖_F (2-opt local search).</item>
/// </list>
/// For a permuted copy W₂ = P W₁ Pᵀ whose units have distinct profiles the profile cost has a zero-cost assignment that
/// is the true permutation, so the distance found is exactly 0 at every n.
/// </summary>
public static class PermutationWeightDistance
{
    /// <summary>Largest n for which exhaustive search is allowed (10! ≈ 3.6 million permutations).</summary>
    public const int MaxExact = 10;

    /// <summary>d_PIF(W₁, W₂): exact for n ≤ <paramref name="exactUpTo"/>, else the profile-matching upper bound.</summary>
    /// <param name="w1">W₁, n × n, finite.</param>
    /// <param name="w2">W₂, n × n (the same n), finite.</param>
    /// <param name="exactUpTo">Largest n searched exhaustively, in [0, <see cref="MaxExact"/>].</param>
    /// <exception cref="ArgumentException">A matrix is not square or not finite, or the sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exactUpTo"/> is outside [0, <see cref="MaxExact"/>].</exception>
    public static WeightDistance Compute(double[,] w1, double[,] w2, int exactUpTo = 8)
    {
        Require.FiniteSquarePair(w1, w2, nameof(w1), nameof(w2));
        Require.AtLeast(exactUpTo, 0, nameof(exactUpTo));
        Require.AtMost(exactUpTo, MaxExact, nameof(exactUpTo));
        int n = w1.GetLength(0);
        bool exact = n <= exactUpTo;
        var matching = exact ? Exhaustive(w1, w2) : ProfileMatching(w1, w2);
        if (!exact) ImproveBySwaps(w1, w2, matching);
        double frobenius = Math.Sqrt(SquaredDistance(w1, w2, matching));
        return new WeightDistance(frobenius, frobenius / ((double)n * n), matching, exact);
    }

    /// <summary>‖W₁ − Pᵀ W₂ P‖_F for a given matching π ((Pᵀ W₂ P)_ij = W₂[π i, π j]).</summary>
    public static double Evaluate(double[,] w1, double[,] w2, int[] matching)
    {
        Require.Square(w1, nameof(w1));
        Require.Square(w2, nameof(w2));
        Require.NotNull(matching, nameof(matching));
        int n = w1.GetLength(0);
        if (w2.GetLength(0) != n || matching.Length != n || matching.Distinct().Count() != n || matching.Any(p => p < 0 || p >= n))
            throw new ArgumentException($"'{nameof(matching)}' must be a permutation of 0 … {n - 1} for {n} x {n} matrices.", nameof(matching));
        return Math.Sqrt(SquaredDistance(w1, w2, matching));
    }

    /// <summary>The symmetric matrix of <see cref="WeightDistance.Frobenius"/> distances between all pairs, in parallel.</summary>
    public static double[,] PairwiseDistances(IReadOnlyList<double[,]> weights, int exactUpTo = 8, int maxDegreeOfParallelism = -1)
    {
        Require.NotNull(weights, nameof(weights));
        Require.AtMost(exactUpTo, MaxExact, nameof(exactUpTo));
        int count = weights.Count;
        var distances = new double[count, count];
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
                pairs.Add((i, j));
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, p =>
        {
            var (i, j) = pairs[p];
            distances[i, j] = distances[j, i] = Compute(weights[i], weights[j], exactUpTo).Frobenius;
        });
        return distances;
    }

    internal static double SquaredDistance(double[,] w1, double[,] w2, int[] matching)
    {
        int n = matching.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            int pi = matching[i];
            for (int j = 0; j < n; j++)
            {
                double d = w1[i, j] - w2[pi, matching[j]];
                sum += d * d;
            }
        }
        return sum;
    }

    /// <summary>All n! matchings by Heap's algorithm; the first minimum in enumeration order wins.</summary>
    private static int[] Exhaustive(double[,] w1, double[,] w2)
    {
        int n = w1.GetLength(0);
        var current = Enumerable.Range(0, n).ToArray();
        var best = (int[])current.Clone();
        double bestValue = SquaredDistance(w1, w2, current);
        var counters = new int[n];
        int i = 1;
        while (i < n)
        {
            if (counters[i] < i)
            {
                int swapWith = i % 2 == 0 ? 0 : counters[i];
                (current[swapWith], current[i]) = (current[i], current[swapWith]);
                double value = SquaredDistance(w1, w2, current);
                if (value < bestValue) { bestValue = value; Array.Copy(current, best, n); }
                counters[i]++;
                i = 1;
            }
            else
            {
                counters[i] = 0;
                i++;
            }
        }
        return best;
    }

    /// <summary>Linear assignment on sorted incoming/outgoing weight profiles and self-weights (see the class summary).</summary>
    private static int[] ProfileMatching(double[,] w1, double[,] w2)
    {
        int n = w1.GetLength(0);
        var (in1, out1) = Profiles(w1);
        var (in2, out2) = Profiles(w2);
        var cost = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double self = w1[i, i] - w2[j, j];
                double sum = self * self;
                for (int k = 0; k < n - 1; k++)
                {
                    double a = in1[i][k] - in2[j][k], b = out1[i][k] - out2[j][k];
                    sum += a * a + b * b;
                }
                cost[i, j] = sum;
            }
        }
        return LinearAssignment.Solve(cost);
    }

    /// <summary>Sorted incoming (row, W[i, ·]) and outgoing (column, W[·, i]) weights of each unit, self-weight excluded.</summary>
    private static (double[][] Incoming, double[][] Outgoing) Profiles(double[,] w)
    {
        int n = w.GetLength(0);
        var incoming = new double[n][];
        var outgoing = new double[n][];
        for (int i = 0; i < n; i++)
        {
            incoming[i] = Enumerable.Range(0, n).Where(j => j != i).Select(j => w[i, j]).Order().ToArray();
            outgoing[i] = Enumerable.Range(0, n).Where(j => j != i).Select(j => w[j, i]).Order().ToArray();
        }
        return (incoming, outgoing);
    }

    /// <summary>2-opt: swap π(a) and π(b) while some swap lowers the distance (each check O(n): only rows and columns a, b change).</summary>
    private static void ImproveBySwaps(double[,] w1, double[,] w2, int[] matching)
    {
        int n = matching.Length;
        const int maxPasses = 100;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            bool improved = false;
            for (int a = 0; a < n; a++)
            {
                for (int b = a + 1; b < n; b++)
                {
                    double before = AffectedCost(w1, w2, matching, a, b);
                    (matching[a], matching[b]) = (matching[b], matching[a]);
                    double after = AffectedCost(w1, w2, matching, a, b);
                    // Require a decrease beyond rounding so the search cannot cycle on ties.
                    if (after < before - 1e-12 * (before + 1e-300)) improved = true;
                    else (matching[a], matching[b]) = (matching[b], matching[a]);
                }
            }
            if (!improved) break;
        }
    }

    /// <summary>The part of the squared distance in rows a, b and columns a, b (each entry counted once).</summary>
    private static double AffectedCost(double[,] w1, double[,] w2, int[] m, int a, int b)
    {
        int n = m.Length;
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            double da = w1[a, j] - w2[m[a], m[j]], db = w1[b, j] - w2[m[b], m[j]];
            sum += da * da + db * db;
            if (j == a || j == b) continue;
            double ca = w1[j, a] - w2[m[j], m[a]], cb = w1[j, b] - w2[m[j], m[b]];
            sum += ca * ca + cb * cb;
        }
        return sum;
    }
}
