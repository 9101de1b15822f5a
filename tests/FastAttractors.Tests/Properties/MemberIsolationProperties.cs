using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FastAttractors.Tests.Properties;

/// <summary>
/// What a member computes never depends on the other members of its tile, warp or chunk: with one member poisoned
/// (an initial state that overflows within a step or is merely huge, or huge weights; see <see cref="IsolationCase"/>), every other member's results are
/// bit-for-bit those of the same ensemble without the poison, on every backend and precision, for integration,
/// Lyapunov spectra and gradients. A fast path that decides something for a whole lane vector (a scalar fallback taken
/// when any lane is out of range, say) shows up here as a difference of a few ulps in a tile-mate.
/// </summary>
public class MemberIsolationProperties
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_poisoned_member_leaves_the_others_integration_bit_identical(Backend backend, Precision precision)
    {
        var engine = EngineCache.Get(backend);
        var options = new IntegrateOptions { Precision = precision };
        Prop.ForAll(IsolationCase.Arbitrary(), c =>
        {
            long steps = Math.Max(2, c.Ensemble.Steps);
            var save = SaveAt.EveryNthStep(Math.Max(1, (int)steps / 3));
            var benign = engine.Integrate(c.Benign(), c.Solver, steps, save, options);
            var poisoned = engine.Integrate(c.WithPoison(), c.Solver, steps, save, options);
            string what = $"{c} on {backend}/{precision}";
            SameForOthers(benign.FinalStates, poisoned.FinalStates, c, m => m % c.Members, $"{what}: final states");
            SameForOthers(benign.Trajectory!, poisoned.Trajectory!, c, m => m % c.Members, $"{what}: trajectory");
            SameForOthers(benign.Status, poisoned.Status, c, $"{what}: status");
            SameForOthers(benign.FailedStep, poisoned.FailedStep, c, $"{what}: failed step");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(backend == Backend.IlgpuCpu ? 15 : 40));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_poisoned_member_leaves_the_others_exponents_bit_identical(Backend backend, Precision precision)
    {
        var engine = EngineCache.Get(backend);
        Prop.ForAll(IsolationCase.Arbitrary(maxN: 6, maxMembers: 36), IsolationGen.Exponents(), (c, kFraction) =>
        {
            int k = Math.Max(1, (c.Dimension * kFraction + 99) / 100);
            var options = new LyapunovOptions
            {
                Transient = c.IsMap ? 10 : 1,
                Duration = c.IsMap ? 40 : 5,
                Every = c.IsMap ? 1 : 5,
                Exponents = k,
                Blocks = 10,
                Precision = precision,
            };
            var benign = engine.Lyapunov(c.Benign(), c.Solver, options);
            var poisoned = engine.Lyapunov(c.WithPoison(), c.Solver, options);
            string what = $"{c} k={k} on {backend}/{precision}";
            SameForOthers(benign.Exponents, poisoned.Exponents, c, i => i / k, $"{what}: exponents");
            SameForOthers(benign.StandardErrors, poisoned.StandardErrors, c, i => i / k, $"{what}: standard errors");
            SameForOthers(benign.Contraction, poisoned.Contraction, c, i => i, $"{what}: contraction");
            SameForOthers(benign.SumRuleResidual, poisoned.SumRuleResidual, c, i => i, $"{what}: sum-rule residual");
            SameForOthers(benign.Status, poisoned.Status, c, $"{what}: status");
            SameForOthers(benign.FailedStep, poisoned.FailedStep, c, $"{what}: failed step");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(backend == Backend.IlgpuCpu ? 8 : 25));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_poisoned_member_leaves_the_others_gradients_bit_identical(Backend backend, Precision precision)
    {
        var engine = EngineCache.Get(backend);
        Prop.ForAll(IsolationCase.Arbitrary(maxN: 8, maxMembers: 36), c =>
        {
            long steps = Math.Max(2, c.Ensemble.Steps);
            var target = Enumerable.Range(0, c.Dimension).Select(i => 0.1 * Math.Sin(i + c.Ensemble.Seed)).ToArray();
            var loss = new Loss([new LossTerm(null, new SquaredError(target, c.Dimension)), new LossTerm(steps / 2, new SquaredError(target, c.Dimension))]);
            var options = new GradientOptions { CheckpointInterval = 1 + (int)(c.Ensemble.Seed % 7), AdjointNormEvery = 1, Precision = precision };
            var benign = engine.Gradient(c.Benign(), c.Solver, steps, loss, options);
            var poisoned = engine.Gradient(c.WithPoison(), c.Solver, steps, loss, options);
            string what = $"{c} on {backend}/{precision}";
            SameForOthers(benign.Loss, poisoned.Loss, c, i => i, $"{what}: loss");
            SameForOthers(benign.InitialStates, poisoned.InitialStates, c, i => i % c.Members, $"{what}: ∂L/∂x0");
            for (int b = 0; b < benign.Parameters.Count; b++)
                SameForOthers(benign.Parameters[b].Values, poisoned.Parameters[b].Values, c, i => i % c.Members, $"{what}: ∂L/∂{benign.Parameters[b].Name}");
            SameForOthers(benign.AdjointNorms!, poisoned.AdjointNorms!, c, i => i % c.Members, $"{what}: adjoint norms");
            SameForOthers(benign.Status, poisoned.Status, c, $"{what}: status");
            SameForOthers(benign.FailedStep, poisoned.FailedStep, c, $"{what}: failed step");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(backend == Backend.IlgpuCpu ? 8 : 25));
    }

    /// <summary>Every entry that belongs to a member other than the poisoned one is the same double, bit for bit.</summary>
    private static void SameForOthers(double[] expected, double[] actual, IsolationCase c, Func<int, int> memberOf, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (memberOf(i) == c.Poisoned)
                continue;
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"{what}: entry {i} (member {memberOf(i)}) is {actual[i]:R} with the poison, {expected[i]:R} without");
        }
    }

    private static void SameForOthers<TValue>(TValue[] expected, TValue[] actual, IsolationCase c, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int m = 0; m < expected.Length; m++)
        {
            if (m != c.Poisoned)
                Assert.True(EqualityComparer<TValue>.Default.Equals(expected[m], actual[m]), $"{what}: member {m} is {actual[m]} with the poison, {expected[m]} without");
        }
    }

    private static class IsolationGen
    {
        /// <summary>The share of the n exponents asked for, in percent (k = ⌈n · share⌉).</summary>
        public static Arbitrary<int> Exponents() => Gen.Choose(1, 100).ToArbitrary();
    }
}
