using System.Numerics;
using FastAttractors.Degeneracy;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// Fixed points of networks whose fixed points and Jacobian spectra are known in closed form. A point found by
/// Levenberg–Marquardt converges quadratically to a simple zero of the residual, so it is checked to 1e-8 (the issue's
/// bound; in practice ~1e-15) and its eigenvalues to 1e-8 (well-conditioned: normal or symmetric Jacobians).
/// </summary>
public class FixedPointFinderTests
{
    private const double StateTolerance = 1e-8;
    private const double EigenvalueTolerance = 1e-8;

    /// <summary>Rows 1 … p of the 8 × 8 Sylvester–Hadamard matrix: mutually orthogonal ±1 patterns.</summary>
    private static double[][] Patterns(int p)
    {
        var h = new double[8][];
        for (int i = 0; i < 8; i++)
        {
            h[i] = new double[8];
            for (int j = 0; j < 8; j++) h[i][j] = (BitOperations.PopCount((uint)(i & j)) % 2 == 0) ? 1 : -1;
        }
        return h.Skip(1).Take(p).ToArray();
    }

    /// <summary>Hopfield weights W = (g/n) Σ ξξᵀ: W ξ = g ξ for each stored pattern, W v = 0 orthogonal to them.</summary>
    private static double[,] Hopfield(double[][] patterns, double gain)
    {
        int n = patterns[0].Length;
        var w = new double[n, n];
        foreach (var xi in patterns)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    w[i, j] += gain / n * xi[i] * xi[j];
        return w;
    }

    /// <summary>The root a &gt; 0 of a = g·tanh(a) (flow) or a = tanh(g·a) (map), by Newton from a = g.</summary>
    private static double PatternAmplitude(double gain, bool map)
    {
        double a = gain;
        for (int k = 0; k < 100; k++)
        {
            double f = map ? a - Math.Tanh(gain * a) : a - gain * Math.Tanh(a);
            double df = map ? 1 - gain * (1 - Math.Pow(Math.Tanh(gain * a), 2)) : 1 - gain * (1 - Math.Pow(Math.Tanh(a), 2));
            a -= f / df;
        }
        return a;
    }

    private static double[,] NoisyStarts(IEnumerable<double[]> centres, int perCentre, double noise, int seed)
    {
        var rng = new Random(seed);
        var list = centres.ToList();
        int n = list[0].Length;
        var starts = new double[list.Count * perCentre, n];
        for (int c = 0; c < list.Count; c++)
            for (int s = 0; s < perCentre; s++)
                for (int j = 0; j < n; j++)
                    starts[c * perCentre + s, j] = list[c][j] + noise * Normal(rng);
        return starts;
    }

    private static CriticalPoint Nearest(NetworkCriticalPoints found, double[] target) =>
        found.Points.MinBy(p => p.State.Zip(target, (a, b) => (a - b) * (a - b)).Sum())!;

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hopfield_patterns_are_stable_and_the_origin_a_saddle(bool map)
    {
        const double gain = 2.0;
        var patterns = Patterns(3);
        var w = Hopfield(patterns, gain);
        var network = map ? TanhNetwork.Discrete(w) : TanhNetwork.Continuous(w);
        double a = PatternAmplitude(gain, map);
        var targets = patterns.SelectMany(xi => new[] { xi.Select(v => a * v).ToArray(), xi.Select(v => -a * v).ToArray() }).ToList();
        var origin = new double[8];
        // Noise 0.1 keeps every start in its pattern's basin; starts at small offsets from the origin find the saddle.
        var starts = NoisyStarts(targets.Append(origin), 4, 0.1, seed: 7);
        var found = FixedPointFinder.Find(network, starts);

        // Slope of tanh at the pattern: the Jacobian is (1 − a²)W (map) or −I + (1 − tanh² a)W (flow).
        double slope = map ? 1 - a * a : 1 - Math.Pow(Math.Tanh(a), 2);
        double onPatterns = map ? slope * gain : -1 + slope * gain;
        double offPatterns = map ? 0 : -1;
        foreach (var target in targets)
        {
            var point = Nearest(found, target);
            Assert.True(Distance(point.State, target) <= StateTolerance, $"pattern point off by {Distance(point.State, target)}");
            Assert.True(point.IsFixedPoint);
            Assert.Equal(StabilityClass.Stable, point.Stability);
            var expected = Enumerable.Repeat(onPatterns, 3).Concat(Enumerable.Repeat(offPatterns, 5)).OrderDescending().ToArray();
            for (int k = 0; k < 8; k++)
                Assert.True((point.Eigenvalues[k] - expected[k]).Magnitude <= EigenvalueTolerance, $"λ{k} = {point.Eigenvalues[k]}, expected {expected[k]}");
        }
        var saddle = Nearest(found, origin);
        Assert.True(Distance(saddle.State, origin) <= StateTolerance);
        Assert.Equal(StabilityClass.Saddle, saddle.Stability);
        Assert.Equal(3, saddle.UnstableDirections); // W has eigenvalue g = 2 on the 3 pattern directions
        Assert.All(found.Points, p => Assert.True(p.Hits >= 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Origin_of_rotation_blocks_has_the_blocks_spectrum(bool map)
    {
        // With no drive the origin is a fixed point and tanh'(0) = 1, so the Jacobian there is W (map) or −I + W (flow).
        var blocks = new[] { (0.5, 0.4), (1.6, 1.1), (0.9, 2.5) };
        var w = RotationBlocks(blocks);
        var network = map ? TanhNetwork.Discrete(w) : TanhNetwork.Continuous(w, tau: 2.0);
        var starts = NoisyStarts([new double[6]], 5, 0.01, seed: 11);
        var found = FixedPointFinder.Find(network, starts);
        var origin = Nearest(found, new double[6]);
        Assert.True(Distance(origin.State, new double[6]) <= StateTolerance);
        var expected = blocks.SelectMany(b => new[] { Complex.FromPolarCoordinates(b.Item1, b.Item2), Complex.FromPolarCoordinates(b.Item1, -b.Item2) })
            .Select(l => map ? l : (l - 1) / 2.0) // flow: (−I + W)/τ with τ = 2
            .ToList();
        foreach (var e in expected)
            Assert.Contains(origin.Eigenvalues, l => (l - e).Magnitude <= EigenvalueTolerance);
        // Map: |λ| = 1.6 > 1 for one block. Flow: Re λ = (1.6 cos 1.1 − 1)/2 < 0 for every block.
        Assert.Equal(map ? StabilityClass.Saddle : StabilityClass.Stable, origin.Stability);
        Assert.Equal(map ? 2 : 0, origin.UnstableDirections);
    }

    [Fact]
    public void Analytic_jacobian_matches_finite_differences()
    {
        var rng = new Random(5);
        int n = 7;
        var w = Gaussian(n, n, rng, 0.6);
        var drive = Enumerable.Range(0, n).Select(_ => 0.3 * Normal(rng)).ToArray();
        var h = Enumerable.Range(0, n).Select(_ => 0.5 * Normal(rng)).ToArray();
        foreach (var network in new[] { TanhNetwork.Discrete(w, drive), TanhNetwork.Continuous(w, drive, 0.7) })
        {
            var jacobian = network.Jacobian(h);
            var rPlus = new double[n];
            var rMinus = new double[n];
            const double step = 1e-6; // central differences: truncation ~step² ≈ 1e-12, rounding ~ε/step ≈ 1e-10
            for (int j = 0; j < n; j++)
            {
                var hp = (double[])h.Clone(); hp[j] += step;
                var hm = (double[])h.Clone(); hm[j] -= step;
                network.Residual(hp, rPlus);
                network.Residual(hm, rMinus);
                for (int i = 0; i < n; i++)
                {
                    double residualDerivative = (rPlus[i] - rMinus[i]) / (2 * step);
                    // The dynamics' Jacobian is the residual's plus I for maps (r = F − h).
                    double expected = residualDerivative + (network.Form == RecurrentForm.Discrete && i == j ? 1 : 0);
                    Assert.Equal(expected, jacobian[i, j], 1e-8);
                }
            }
        }
    }

    [Fact]
    public void Batched_search_equals_one_network_at_a_time()
    {
        var rng = new Random(9);
        var networks = Enumerable.Range(0, 3).Select(k => TanhNetwork.Discrete(Gaussian(5, 5, rng, 1.5 / Math.Sqrt(5)),
            Enumerable.Range(0, 5).Select(_ => 0.1 * Normal(rng)).ToArray())).ToArray();
        var starts = networks.Select((_, k) => NoisyStarts([new double[5]], 6, 0.8, seed: 20 + k)).ToArray();
        var batched = FixedPointFinder.FindAll(networks, starts);
        for (int k = 0; k < networks.Length; k++)
        {
            var single = FixedPointFinder.Find(networks[k], starts[k], new FixedPointOptions { MaxDegreeOfParallelism = 1 });
            Assert.Equal(single.Points.Count, batched[k].Points.Count);
            for (int p = 0; p < single.Points.Count; p++)
                Assert.Equal(single.Points[p].State, batched[k].Points[p].State); // deterministic per start: bit for bit
            Assert.True(batched[k].Points.Count >= 1);
        }
    }

    [Fact]
    public void A_saddle_node_ghost_is_a_slow_point_not_a_fixed_point()
    {
        // The map h ← tanh(1.5h + c) loses its two negative fixed points in a saddle-node bifurcation at c ≈ 0.208; at
        // c = 0.25 their ghost remains: a local minimum of |F(h) − h| where F'(h) = 1, i.e. 1.5·sech²(1.5h + c) = 1,
        // h* = (−atanh(1/√3) − c)/1.5, with F(h*) − h* ≈ 0.028 ≠ 0. The positive fixed point survives and is stable.
        const double c = 0.25;
        var network = TanhNetwork.Discrete(new double[,] { { 1.5 } }, [c]);
        var found = FixedPointFinder.Find(network, new double[,] { { -0.9 }, { -0.7 }, { -0.5 }, { 0.9 } },
            new FixedPointOptions { SlowPointSpeed = 1e-3, DeduplicationDistance = 1e-4 });
        double ghost = (-Math.Atanh(1 / Math.Sqrt(3)) - c) / 1.5;
        var slow = Assert.Single(found.SlowPoints);
        // Away from a zero of the residual the damped Gauss–Newton steps converge only linearly to the minimum of q;
        // 1e-5 in state is reached well within the iteration limit (q is flat there: its error is ~1e-11).
        Assert.Equal(ghost, slow.State[0], 1e-5);
        Assert.Equal(0.5 * Math.Pow(Math.Tanh(1.5 * ghost + c) - ghost, 2), slow.Speed, 1e-9);
        Assert.Equal(3, slow.Hits);
        var fixedPoint = Assert.Single(found.FixedPoints);
        Assert.True(fixedPoint.State[0] > 0);
        Assert.Equal(StabilityClass.Stable, fixedPoint.Stability);
        Assert.Equal(0, found.Rejected);
    }

    [Fact]
    public void Starts_are_sampled_from_trajectories_and_noise_is_seeded()
    {
        var trajectory = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var other = new double[,] { { 7, 8 } };
        var starts = FixedPointFinder.SampleStarts([trajectory, other], 50, seed: 3);
        var rows = new HashSet<(double, double)> { (1, 2), (3, 4), (5, 6), (7, 8) };
        for (int s = 0; s < 50; s++) Assert.Contains((starts[s, 0], starts[s, 1]), rows);
        Assert.Equal(starts, FixedPointFinder.SampleStarts([trajectory, other], 50, seed: 3));

        // Noisy starts: the same seed gives the same points whatever the thread count; a contracting map (‖W‖ < 1)
        // has the single fixed point tanh(W h + c) = h, found from every start.
        var network = TanhNetwork.Discrete(new double[,] { { 0.5, 0.1 }, { -0.2, 0.3 } }, [0.2, -0.1]);
        var noisy = new FixedPointOptions { StartNoise = 0.5, Seed = 42 };
        var a = FixedPointFinder.Find(network, starts, noisy with { MaxDegreeOfParallelism = 1 });
        var b = FixedPointFinder.Find(network, starts, noisy);
        var point = Assert.Single(a.Points);
        Assert.Equal(50, point.Hits);
        Assert.Equal(point.State, Assert.Single(b.Points).State);
        Assert.True(network.Speed(point.State) <= 1e-28); // rounding level: ‖r‖ ~ 1e-16
    }

    [Fact]
    public void Bad_input_is_refused_with_its_name()
    {
        Assert.Equal("w", Assert.Throws<ArgumentException>(() => TanhNetwork.Discrete(new double[2, 3])).ParamName);
        Assert.Equal("drive", Assert.Throws<ArgumentException>(() => TanhNetwork.Discrete(new double[2, 2], [1.0])).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => TanhNetwork.Continuous(new double[2, 2], tau: 0)).ParamName);
        var network = TanhNetwork.Discrete(new double[2, 2]);
        Assert.Equal("starts", Assert.Throws<ArgumentException>(() => FixedPointFinder.Find(network, new double[4, 3])).ParamName);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() =>
            FixedPointFinder.Find(network, new double[1, 2], new FixedPointOptions { MaxIterations = 0 })).ParamName);
    }
}
