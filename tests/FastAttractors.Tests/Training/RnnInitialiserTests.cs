using FastAttractors.Training;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>The three initialisations have the structure they promise; PTA's default region has zero top exponents.</summary>
public class RnnInitialiserTests
{
    [Fact]
    public void Default_is_uniform_within_one_over_root_n()
    {
        var p = RnnInitialiser.Create(new RnnShape(64, 10, 8), RnnInitialisation.Default, 3);
        double bound = 1 / Math.Sqrt(64);
        Assert.All(p.Values, v => Assert.InRange(Math.Abs(v), 0, bound));
        Assert.True(p.Values.Max() > 0.9 * bound && p.Values.Min() < -0.9 * bound);
    }

    [Fact]
    public void Orthogonal_is_orthogonal_and_seeded()
    {
        int n = 33;
        var w = RnnInitialiser.Create(new RnnShape(n, 2, 2), RnnInitialisation.Orthogonal, 4).W.ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int k = 0; k < n; k++)
                    dot += w[k * n + i] * w[k * n + j];
                Assert.Equal(i == j ? 1 : 0, dot, 12);
            }
        }
        Assert.Equal(w, RnnInitialiser.Create(new RnnShape(n, 2, 2), RnnInitialisation.Orthogonal, 4).W.ToArray());
        Assert.NotEqual(w, RnnInitialiser.Create(new RnnShape(n, 2, 2), RnnInitialisation.Orthogonal, 5).W.ToArray());
    }

    [Fact]
    public void Pta_is_block_rotations_from_the_default_region()
    {
        int n = 9;
        var w = RnnInitialiser.Create(new RnnShape(n, 1, 1), RnnInitialisation.Pta, 6).W.ToArray();
        for (int k = 0; k < 4; k++)
        {
            int i = 2 * k;
            double c = w[i * n + i], s = w[(i + 1) * n + i];
            Assert.Equal(c, w[(i + 1) * n + i + 1], 15);
            Assert.Equal(-s, w[i * n + i + 1], 15);
            double alpha = Math.Sqrt(c * c + s * s), theta = Math.Atan2(s, c);
            Assert.InRange(alpha, 1.0, 1.1);
            Assert.InRange(theta, 0.3, Math.PI - 0.3);
            for (int j = 0; j < n; j++)
            {
                if (j / 2 != k)
                    Assert.Equal(0, w[i * n + j]);
            }
        }
        Assert.InRange(Math.Abs(w[8 * n + 8]), 0, 1.1);   // odd n: the last 1 × 1 block α cos θ
    }

    [Fact]
    public void Default_pta_region_gives_blocks_with_a_zero_top_exponent()
    {
        // 32 blocks drawn from the region, each the map x ← tanh(α R(θ) x) of Eq. 21, through Engine.Lyapunov.
        const int members = 32;
        var rows = new List<double[]>();
        var region = PtaRegion.DiscreteDefault;
        for (int m = 0; m < members; m++)
        {
            var (a, t) = region.Sample((m + 0.5) / members, CounterRandom.Uniform(1, 2, (ulong)m), CounterRandom.Uniform(1, 3, (ulong)m));
            rows.Add(Weights.BlockRotation([a], [t], 2));
        }
        var model = new TanhOfLinear(ParameterBlock.PerMemberRows("W", rows), DynamicsKind.Map);
        var x0 = Enumerable.Range(0, 2 * members).Select(i => 0.3).ToArray();
        using var engine = Engine.Create(Backend.Simd);
        var spectra = engine.Lyapunov(new EnsembleProblem(model, x0, members), MapIteration.Instance,
            new LyapunovOptions { Transient = 1000, Duration = 4000, Every = 10 });
        int zero = Enumerable.Range(0, members).Count(m => Math.Abs(spectra.Spectrum(m)[0]) < 0.01);
        // Most blocks oscillate; a few may sit in a thin Arnold tongue (period-locked, λ1 < 0).
        Assert.True(zero >= 0.8 * members, $"{zero} of {members} blocks have |λ1| < 0.01: {string.Join(" ", Enumerable.Range(0, members).Select(m => spectra.Spectrum(m)[0].ToString("0.000")))}");
        // Below α = 1 the origin attracts: λ1 = log α (the map's closed form), outside the region.
        Assert.True(spectra.Spectrum(0)[1] < 0);
    }

    [Fact]
    public void Scan_file_region_keeps_points_with_a_zero_top_exponent()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pta-scan-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "theta,alpha,lambda1,lambda2\n0.5,1.0,0.0,-0.1\n0.5,1.2,-0.2,-0.3\n1.0,1.0,0.001,-0.1\n1.0,1.2,0.0,-0.2\n");
        try
        {
            var region = PtaRegion.FromScan(path);
            Assert.Equal([(1.0, 0.5), (1.0, 1.0), (1.2, 1.0)], region.Cells);
            Assert.Equal(0.1, region.HalfAlpha, 12);
            Assert.Equal(0.25, region.HalfTheta, 12);
            File.WriteAllText(path, "alpha,theta\n1,1\n");
            Assert.Throws<ArgumentException>("path", () => PtaRegion.FromScan(path));
            File.WriteAllText(path, "alpha,theta,lambda1\n1,1,-0.5\n");
            Assert.Throws<ArgumentException>("path", () => PtaRegion.FromScan(path));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentException>("path", () => PtaRegion.FromScan("/nonexistent/scan.csv"));
    }

    [Fact]
    public void Autonomous_map_spectrum_is_the_rnn_spectrum_plus_the_bias_unit()
    {
        // W = diag(0.8, 0.5), b = 0: h → 0, where the map's Jacobian is W (tanh'(0) = 1): λ = log 0.8, log 0.5, then
        // the bias unit's log(γ (1 − c*²)).
        var p = new RnnParameters(new RnnShape(2, 1, 1), new double[2 * 2 + 2 + 2 + 2 + 1]);
        p.W[0] = 0.8;
        p.W[3] = 0.5;
        using var engine = Engine.Create(Backend.Reference);
        var spectrum = engine.Lyapunov(RnnAutonomousMap.Problem(p, 1, 1), MapIteration.Instance,
            new LyapunovOptions { Transient = 50, Duration = 2000, Every = 5 }).Spectrum(0);
        Assert.Equal(Math.Log(0.8), spectrum[0], 6);
        Assert.Equal(Math.Log(0.5), spectrum[1], 6);
        Assert.Equal(RnnAutonomousMap.BiasExponent, spectrum[2], 6);
        Assert.InRange(RnnAutonomousMap.BiasExponent, -13, -12);
    }
}
