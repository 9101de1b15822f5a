using FastAttractors.Degeneracy;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>The permutation-invariant weight distance and the Hungarian assignment against brute force.</summary>
public class PermutationWeightDistanceTests
{
    private static IEnumerable<int[]> AllPermutations(int n)
    {
        if (n == 0) { yield return []; yield break; }
        foreach (var rest in AllPermutations(n - 1))
            for (int position = 0; position <= rest.Length; position++)
            {
                var p = new List<int>(rest);
                p.Insert(position, n - 1);
                yield return p.ToArray();
            }
    }

    /// <summary>The oracle: min over all n! permutations of ‖W₁ − Pᵀ W₂ P‖_F, written independently of the library.</summary>
    private static double BruteForceDistance(double[,] w1, double[,] w2)
    {
        int n = w1.GetLength(0);
        double best = double.PositiveInfinity;
        foreach (var pi in AllPermutations(n))
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    sum += Math.Pow(w1[i, j] - w2[pi[i], pi[j]], 2);
            best = Math.Min(best, sum);
        }
        return Math.Sqrt(best);
    }

    private static double[,] Permuted(double[,] w, int[] pi)
    {
        // W₂[π i, π j] = W₁[i, j], i.e. W₂ = P W₁ Pᵀ: the same network with its units relabelled.
        int n = w.GetLength(0);
        var p = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                p[pi[i], pi[j]] = w[i, j];
        return p;
    }

    private static int[] Shuffle(int n, Random rng) => Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();

    [Theory]
    [InlineData(5, 8)]   // exact path (enumeration)
    [InlineData(50, 8)]  // profile assignment + 2-opt
    [InlineData(128, 8)]
    public void A_permuted_copy_is_at_distance_exactly_zero(int n, int exactUpTo)
    {
        var rng = new Random(n);
        var w = Gaussian(n, n, rng, 1 / Math.Sqrt(n));
        var pi = Shuffle(n, rng);
        var result = PermutationWeightDistance.Compute(w, Permuted(w, pi), exactUpTo);
        // The matching found is the relabelling itself, so every difference is x − x = 0 exactly.
        Assert.Equal(0.0, result.Frobenius);
        Assert.Equal(pi, result.Matching);
        Assert.Equal(n <= exactUpTo, result.IsExact);
    }

    [Fact]
    public void Exact_distance_equals_brute_force_for_small_networks()
    {
        var cases = from n in Gen.Choose(1, 7)
                    from seed in Gen.Choose(0, 100000)
                    select (n, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            var w1 = Gaussian(c.n, c.n, rng);
            var w2 = Gaussian(c.n, c.n, rng);
            double oracle = BruteForceDistance(w1, w2);
            var exact = PermutationWeightDistance.Compute(w1, w2);
            Assert.True(exact.IsExact);
            // Same minimum, summed in a different order: equal to ~n²·ε relative.
            Assert.Equal(oracle, exact.Frobenius, 1e-12 * (1 + oracle));
            Assert.Equal(exact.Frobenius / (c.n * c.n), exact.PerParameter, 1e-15);
            // The heuristic is an upper bound attained by its own matching.
            var heuristic = PermutationWeightDistance.Compute(w1, w2, exactUpTo: 0);
            Assert.False(heuristic.IsExact);
            Assert.True(heuristic.Frobenius >= oracle * (1 - 1e-12));
            Assert.Equal(heuristic.Frobenius, PermutationWeightDistance.Evaluate(w1, w2, heuristic.Matching), 1e-12);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void Hungarian_assignment_equals_brute_force()
    {
        var cases = from n in Gen.Choose(1, 7)
                    from seed in Gen.Choose(0, 100000)
                    from integer in Gen.Elements(true, false)
                    select (n, seed, integer);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            var cost = new double[c.n, c.n];
            for (int i = 0; i < c.n; i++)
                for (int j = 0; j < c.n; j++)
                    cost[i, j] = c.integer ? rng.Next(0, 4) : 10 * rng.NextDouble() - 5; // small integers: many ties
            double Total(int[] p) => Enumerable.Range(0, c.n).Sum(i => cost[i, p[i]]);
            var assignment = LinearAssignment.Solve(cost);
            Assert.Equal(Enumerable.Range(0, c.n), assignment.Order());
            double best = AllPermutations(c.n).Min(Total);
            Assert.Equal(best, Total(assignment), 1e-12);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(80));
    }

    [Fact]
    public void Pairwise_matrix_is_symmetric()
    {
        var rng = new Random(4);
        var weights = Enumerable.Range(0, 4).Select(_ => Gaussian(6, 6, rng)).ToList();
        var matrix = PermutationWeightDistance.PairwiseDistances(weights);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(0, matrix[i, i]);
            for (int j = 0; j < 4; j++) Assert.Equal(matrix[i, j], matrix[j, i]);
        }
        Assert.Equal(BruteForceDistance(weights[0], weights[1]), matrix[0, 1], 1e-12);
    }

    [Fact]
    public void Bad_input_is_refused_with_its_name()
    {
        Assert.Equal("w2", Assert.Throws<ArgumentException>(() => PermutationWeightDistance.Compute(new double[3, 3], new double[4, 4])).ParamName);
        Assert.Equal("exactUpTo", Assert.Throws<ArgumentOutOfRangeException>(() => PermutationWeightDistance.Compute(new double[3, 3], new double[3, 3], 11)).ParamName);
        Assert.Equal("matching", Assert.Throws<ArgumentException>(() => PermutationWeightDistance.Evaluate(new double[3, 3], new double[3, 3], [0, 0, 1])).ParamName);
        Assert.Equal("cost", Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(new double[2, 3])).ParamName);
    }
}
