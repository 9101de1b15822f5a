using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FastAttractors.Tests.Stability;

/// <summary>
/// The noise of member (σ point p, draw m) is a pure function of (seed, p, m): random grids, member counts and base
/// models give the same matrices however the ensemble is laid out, and the spectra of a noisy ensemble split into
/// chunks equal the unsplit ones bit for bit on Simd and Reference (WeightNoiseTests compares the two backends).
/// </summary>
public class WeightNoiseProperties
{
    [Fact]
    public void Member_noise_is_the_same_in_every_layout()
    {
        var cases = from n in Gen.Choose(1, 12)
                    from points in Gen.Choose(1, 4)
                    from small in Gen.Choose(1, 4)
                    from extra in Gen.Choose(0, 3)
                    from seed in Gen.Choose(0, 1000)
                    from kind in Gen.Choose(0, 3)
                    select (n, points, small, large: small + extra, seed, kind);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var w = Weights.SparseGaussian(c.n, 1.0, 1.0, null, c.seed + 1);
            IEnsembleModel model = c.kind switch
            {
                0 => new TanhRnn(w),
                1 => new ReluRnn(w),
                2 => new Linear(w),
                _ => new TanhOfLinear(w, DynamicsKind.Map),
            };
            var sigmas = Enumerable.Range(0, c.points).Select(p => 0.05 * p).ToArray();
            var a = new WeightNoiseEnsemble(model, sigmas, c.small, c.seed);
            var b = new WeightNoiseEnsemble(model, sigmas.Append(1.0).ToArray(), c.large, c.seed);
            var wa = Block(a.Model);
            var wb = Block(b.Model);
            for (int p = 0; p < c.points; p++)
            {
                for (int m = 0; m < c.small; m++)
                {
                    for (int k = 0; k < c.n * c.n; k++)
                        Assert.Equal(wa.Get(k, p * c.small + m), wb.Get(k, p * c.large + m));
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void Noisy_spectra_do_not_depend_on_the_chunk_size()
    {
        var cases = from chunk in Gen.Choose(1, 5)
                    from seed in Gen.Choose(0, 100)
                    select (chunk, seed);
        var system = StabilitySystems.Pta;
        var options = system.Options with { Transient = 2, Duration = 10, Exponents = 4 };
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var problem = system.Ensemble([0, 0.2], 3, c.seed).Problem(system.InitialState);
            foreach (var backend in new[] { Backend.Simd, Backend.Reference })
            {
                var engine = EngineCache.Get(backend);
                var whole = engine.Lyapunov(problem, system.Solver, options);
                var split = engine.Lyapunov(problem, system.Solver, options with { ChunkMembers = c.chunk });
                Assert.Equal(whole.Exponents, split.Exponents);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(4));
    }

    private static ParameterBlock Block(IEnsembleModel model) => model switch
    {
        TanhRnn m => m.W,
        ReluRnn m => m.W,
        Linear m => m.A,
        TanhOfLinear m => m.W,
        _ => throw new InvalidOperationException(model.Name),
    };
}
