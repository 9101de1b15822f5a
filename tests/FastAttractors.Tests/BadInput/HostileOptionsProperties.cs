using FastAttractors.Lyapunov;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.BadInput;

/// <summary>
/// The engine's entry points under hostile numbers (NaN, ±∞, 0, negatives, 10¹⁹, 10³⁰⁰, int and long extremes, values
/// either side of the 2⁵³ step limit): every request is either refused with an ArgumentException that names one of
/// the arguments that was set, or planned into a run that takes at least one QR interval per block and no more than
/// 2⁵³ steps, and when that run is small it is carried out and every member's status is one the run can justify.
/// </summary>
public class HostileOptionsProperties
{
    private static readonly double[] Times = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -1, -1e-300, 1e-300,
        1e-3, 0.5, 10, 100, 1e6, 1e14, 1e15, 1e16, 1e19, 1e300, double.MaxValue, double.Epsilon];

    private static readonly int[] Counts = [int.MinValue, -1, 0, 1, 9, 10, 11, 1000, 1 << 20, int.MaxValue];

    private static readonly double[] Steps = [double.NaN, double.PositiveInfinity, 0, -0.01, 1e-300, 1e-9, 0.01, 0.1, 1, 1e300];

    public sealed record Request(double Transient, double Duration, int Every, int Blocks, int? Exponents, double Tolerance, double Dt)
    {
        public override string ToString() =>
            $"Transient {Transient}, Duration {Duration}, Every {Every}, Blocks {Blocks}, Exponents {Exponents}, Tolerance {Tolerance}, dt {Dt}";
    }

    public static class Arbs
    {
        public static Arbitrary<Request> Requests() =>
            (from transient in Gen.Elements(Times)
             from duration in Gen.Elements(Times)
             from every in Gen.Elements(Counts)
             from blocks in Gen.Elements(Counts)
             from exponents in Gen.Elements<int?>(null, -1, 0, 1, 3, 4, int.MaxValue)
             from tolerance in Gen.Elements(Times)
             from dt in Gen.Elements(Steps)
             select new Request(transient, duration, every, blocks, exponents, tolerance, dt)).ToArbitrary();
    }

    private static readonly string[] Names = ["Transient", "Duration", "Every", "Blocks", "Exponents", "Tolerance", "dt", "stepSize", "(k)", "members", "n ="];

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 400)]
    public void Lyapunov_requests_are_refused_by_name_or_planned_soundly(Request r)
    {
        var problem = new EnsembleProblem(new Lorenz(), [1, 1, 1, 2, 2, 2], 2);
        Rk4 solver;
        try
        {
            solver = new Rk4(r.Dt);
        }
        catch (ArgumentException e)
        {
            Assert.Contains("dt", e.Message);
            return;
        }
        var options = new LyapunovOptions
        {
            Transient = r.Transient, Duration = r.Duration, Every = r.Every, Blocks = r.Blocks, Exponents = r.Exponents, Tolerance = r.Tolerance,
        };
        LyapunovPlan plan;
        try
        {
            plan = LyapunovPlan.Create(problem, solver, options);
        }
        catch (ArgumentException e)
        {
            Assert.True(Names.Any(e.Message.Contains), $"{r}: the message names no argument: {e.Message}");
            return;
        }
        // Planned: every block has an interval, and the steps are countable.
        Assert.True(plan.AccumulateIntervals >= plan.Blocks, $"{r}: {plan.AccumulateIntervals} intervals for {plan.Blocks} blocks");
        Assert.True(plan.TransientIntervals >= 0, r.ToString());
        Assert.True((double)plan.TotalIntervals * plan.Every <= StepCounts.Max, r.ToString());
        if ((double)plan.TotalIntervals * plan.Every > 20_000)
            return;
        var spectra = Support.EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, options);
        for (int m = 0; m < spectra.Members; m++)
        {
            // Status ok means the member was integrated to the end: finite exponents whose errors meet the tolerance.
            if (spectra.Status[m] == LyapunovStatus.Ok)
            {
                Assert.All(spectra.Spectrum(m), v => Assert.True(double.IsFinite(v), $"{r}: member {m} ok with {v}"));
                Assert.All(spectra.Errors(m), e => Assert.True(e <= r.Tolerance, $"{r}: member {m} ok with error {e}"));
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Integrate_and_gradient_step_counts_are_refused_by_name_or_run(long steps)
    {
        // Hostile step counts: the generator's small values, and the extremes around 0 and 2⁵³.
        long[] extremes = [long.MinValue, -1, 0, 1, StepCounts.Max, StepCounts.Max + 1, long.MaxValue];
        foreach (long s in extremes.Append(steps))
        {
            var problem = new EnsembleProblem(new Lorenz(), [1, 1, 1], 1);
            bool small = s is >= 0 and <= 1000;
            if (small)
            {
                var sol = Support.EngineCache.Get(Backend.Reference).Integrate(problem, new Rk4(0.01), s);
                Assert.Equal(s, sol.Steps);
                continue;
            }
            if (s is > 1000 and <= StepCounts.Max)
                continue; // valid but long: not run here
            var error = Assert.ThrowsAny<ArgumentException>(() => Support.EngineCache.Get(Backend.Reference).Integrate(problem, new Rk4(0.01), s));
            Assert.Contains("steps", error.Message);
            var gradientError = Assert.ThrowsAny<ArgumentException>(() =>
                Support.EngineCache.Get(Backend.Reference).Gradient(problem, new Rk4(0.01), s, Loss.Terminal([0, 0, 0], 3)));
            Assert.Contains("steps", gradientError.Message);
        }
    }
}
