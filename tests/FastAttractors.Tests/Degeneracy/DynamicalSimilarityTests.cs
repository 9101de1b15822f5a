using FastAttractors.Degeneracy;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>DSA: invariance to orthogonal changes of coordinates, symmetry, and separation of different dynamics.</summary>
public class DynamicalSimilarityTests
{
    private static readonly DsaOptions Options = new() { Delays = 3, Rank = 8 };

    /// <summary>Noise-driven trials of h ← tanh(W h + σξ) (each time × n), seeded.</summary>
    private static double[][,] Trials(double[,] w, int trials, int steps, int seed, double noise = 0.3)
    {
        var rng = new Random(seed);
        int n = w.GetLength(0);
        var result = new double[trials][,];
        for (int k = 0; k < trials; k++)
        {
            var h = Enumerable.Range(0, n).Select(_ => 0.5 * Normal(rng)).ToArray();
            var trajectory = new double[steps, n];
            for (int t = 0; t < steps; t++)
            {
                for (int j = 0; j < n; j++) trajectory[t, j] = h[j];
                var next = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double sum = noise * Normal(rng);
                    for (int j = 0; j < n; j++) sum += w[i, j] * h[j];
                    next[i] = Math.Tanh(sum);
                }
                h = next;
            }
            result[k] = trajectory;
        }
        return result;
    }

    /// <summary>y_t = Q h_t for every row of every trial.</summary>
    private static double[][,] Transformed(double[][,] trials, double[,] q) =>
        trials.Select(t => Transpose(Multiply(q, Transpose(t)))).ToArray();

    private static double[,] RandomNetwork(int n, double gain, int seed) => Gaussian(n, n, new Random(seed), gain / Math.Sqrt(n));

    [Fact]
    public void A_rotated_copy_is_at_distance_zero()
    {
        var w = RandomNetwork(6, 1.3, 1);
        var x = Trials(w, 3, 200, seed: 2);
        foreach (int qSeed in new[] { 3, 4, 5 })
        {
            var y = Transformed(x, Orthogonal(6, new Random(qSeed))); // det ±1 both occur over the seeds
            var ax = DynamicalSimilarity.FitOperator(x, Options);
            double distance = DynamicalSimilarity.Distance(x, y, Options);
            // The two operators are exactly orthogonally similar up to rounding in the fits (~1e-13); the descent stops
            // at a gradient of ~1e-15 of the scale, so the distance found is far below 1e-7·‖A‖.
            Assert.True(distance <= 1e-7 * Frobenius(ax), $"distance {distance} for a rotated copy (‖A‖ = {Frobenius(ax)})");
            double angular = DynamicalSimilarity.Distance(x, y, Options with { Metric = DsaMetric.Angular });
            // arccos(1 − δ) ≈ √(2δ): rounding δ ~ 1e-16 in the cosine alone gives ~1e-8 radians.
            Assert.True(angular <= 1e-6, $"angular distance {angular} for a rotated copy");
        }
    }

    [Fact]
    public void Distance_is_symmetric_and_separates_different_dynamics_from_the_null()
    {
        var w1 = RandomNetwork(6, 1.3, 10);
        var w2 = RandomNetwork(6, 0.6, 11);
        var x1 = Trials(w1, 4, 400, seed: 12);
        var x1Again = Trials(w1, 4, 400, seed: 13);
        var x2 = Trials(w2, 4, 400, seed: 14);
        // Full rank (r = d·n): no truncation of nearly equal singular values, whose arbitrary choice would dominate the
        // null for noise-driven data; the null then measures only the sampling error of the least-squares fit.
        var options = Options with { Delays = 2, Rank = 12 };
        double forward = DynamicalSimilarity.Distance(x1, x2, options);
        double backward = DynamicalSimilarity.Distance(x2, x1, options);
        // Both orders run the same descents (see OrthogonalSimilarity): equal to rounding.
        Assert.Equal(forward, backward, 1e-12 * forward);
        var nulls = DynamicalSimilarity.NullDistances([x1, x2], [x1Again, Trials(w2, 4, 400, seed: 15)], options);
        Assert.All(nulls, d => Assert.True(d >= 0));
        // A network with a weaker gain has clearly different dynamics: well above the sampling noise of the fit.
        Assert.True(forward > 3 * nulls.Max(), $"between networks {forward}, null {string.Join(", ", nulls)}");
    }

    [Fact]
    public void Pairwise_matrix_is_symmetric_with_zero_diagonal_and_matches_single_pairs()
    {
        var systems = new[] { 1.3, 0.6, 1.0 }.Select((g, k) => (IReadOnlyList<double[,]>)Trials(RandomNetwork(5, g, 30 + k), 2, 150, seed: 40 + k)).ToList();
        var options = Options with { Rank = 6 };
        var matrix = DynamicalSimilarity.PairwiseDistances(systems, options);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0, matrix[i, i]);
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(matrix[i, j], matrix[j, i]);
                if (i < j) Assert.Equal(DynamicalSimilarity.Distance(systems[i], systems[j], options), matrix[i, j]);
            }
        }
    }

    [Fact]
    public void Orthogonal_similarity_of_random_operators_is_found()
    {
        var cases = from r in Gen.Choose(1, 7)
                    from seed in Gen.Choose(0, 100000)
                    select (r, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            var a = Gaussian(c.r, c.r, rng, 1 / Math.Sqrt(c.r));
            var q = Orthogonal(c.r, rng);
            var b = Multiply(Multiply(Transpose(q), a), q); // A = Q B Qᵀ
            var fit = OrthogonalSimilarity.Fit(a, b);
            Assert.True(fit.Distance <= 1e-7 * Frobenius(a), $"distance {fit.Distance} for an orthogonally similar pair (r = {c.r})");
            // The transform returned is orthogonal (Cayley steps of a skew matrix, to rounding) and attains the distance.
            var ctc = Multiply(Transpose(fit.Transform), fit.Transform);
            for (int i = 0; i < c.r; i++)
                for (int j = 0; j < c.r; j++)
                    Assert.Equal(i == j ? 1 : 0, ctc[i, j], 1e-10);
            // An unrelated B: never above the identity's residual ‖A − B‖ (the identity is a start and descent only
            // lowers the objective), and symmetric in the arguments.
            var other = Gaussian(c.r, c.r, rng, 1 / Math.Sqrt(c.r));
            var forward = OrthogonalSimilarity.Fit(a, other, randomStarts: 3, seed: 1);
            var backward = OrthogonalSimilarity.Fit(other, a, randomStarts: 3, seed: 1);
            double plain = Frobenius(Subtract(a, other));
            Assert.True(forward.Distance <= plain * (1 + 1e-12) + 1e-15);
            Assert.Equal(forward.Distance, backward.Distance, 1e-12 * (1 + forward.Distance));
            Assert.Equal(forward.AngularDistance, backward.AngularDistance, 1e-12);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static double[,] Subtract(double[,] a, double[,] b)
    {
        var d = (double[,])a.Clone();
        for (int i = 0; i < d.GetLength(0); i++)
            for (int j = 0; j < d.GetLength(1); j++)
                d[i, j] -= b[i, j];
        return d;
    }

    [Fact]
    public void Delay_embedding_stacks_newest_first()
    {
        var trajectory = new double[,] { { 1, 10 }, { 2, 20 }, { 3, 30 }, { 4, 40 } };
        var embedded = DelayEmbedding.Embed(trajectory, 2);
        Assert.Equal(new double[,] { { 2, 20, 1, 10 }, { 3, 30, 2, 20 }, { 4, 40, 3, 30 } }, embedded);
    }

    [Fact]
    public void Dmd_recovers_a_linear_map_in_its_own_coordinates()
    {
        // Noise-free h_{t+1} = M h_t with full-rank data: with 1 delay and full rank, A is M in the principal basis,
        // so its eigenvalues are M's (exact to rounding of the least squares, ~1e-12).
        var m = RotationBlocks((0.95, 0.3), (0.8, 1.2));
        var rng = new Random(3);
        var trials = Enumerable.Range(0, 3).Select(_ =>
        {
            var t = new double[60, 4];
            var h = Enumerable.Range(0, 4).Select(_ => Normal(rng)).ToArray();
            for (int s = 0; s < 60; s++)
            {
                for (int j = 0; j < 4; j++) t[s, j] = h[j];
                h = Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 4).Sum(j => m[i, j] * h[j])).ToArray();
            }
            return t;
        }).ToArray();
        var a = DmdOperator.Fit(trials, delays: 1, rank: 4);
        var expected = RealEigenvalues.Of(m);
        var actual = RealEigenvalues.Of(a);
        for (int k = 0; k < 4; k++) Assert.True((expected[k] - actual[k]).Magnitude <= 1e-10, $"{expected[k]} vs {actual[k]}");
    }

    [Fact]
    public void Bad_input_is_refused_with_its_name()
    {
        var trial = new double[10, 3];
        for (int i = 0; i < 10; i++) trial[i, i % 3] = i + 1;
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => DmdOperator.Fit([trial], 2, 7)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => DmdOperator.Fit([trial, new double[10, 4]], 2, 2)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => DmdOperator.Fit([new double[2, 3]], 2, 2)).ParamName);
        Assert.Equal("Delays", Assert.Throws<ArgumentOutOfRangeException>(() => DynamicalSimilarity.FitOperator([trial], new DsaOptions { Delays = 0 })).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => OrthogonalSimilarity.Fit(new double[2, 2], new double[3, 3])).ParamName);
    }
}
