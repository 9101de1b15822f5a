using FastAttractors.Bench;
using FastAttractors.Cli.Bench;

namespace FastAttractors.Cli.Tests.Bench;

/// <summary>Bench cases for the runner tests: a tiny real workload, and wrappers that fail or answer wrongly on one backend.</summary>
internal static class TestCases
{
    /// <summary>W1's problem at 256 members × 20 steps (Reference runs 16): milliseconds per call.</summary>
    public static BenchCase TinyW1() => new IntegrateCase(Workloads.W1, 256, 20, 16, 1e-3, "W1 (tiny): 1e-3");
}

/// <summary>Delegates to <paramref name="inner"/> but throws on the <paramref name="failingCall"/>-th call on <paramref name="backend"/>: a failure mid-run, after the warm-up.</summary>
internal sealed class FailingCase(BenchCase inner, Backend backend, int failingCall) : BenchCase
{
    private int calls;

    public override string Id => inner.Id;
    public override string Title => inner.Title;
    public override string Unit => inner.Unit;
    public override double? FlopsPerUnit => inner.FlopsPerUnit;
    public override double Tolerance => inner.Tolerance;
    public override string ToleranceReason => inner.ToleranceReason;
    public override BenchScale Scale(Backend b, BenchSize size) => inner.Scale(b, size);

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var call = inner.Prepare(size, members, ran);
        return engine =>
        {
            if (engine.Backend == backend && ++calls == failingCall)
                throw new InvalidOperationException($"injected failure on {backend}, call {failingCall}");
            return call(engine);
        };
    }
}

/// <summary>Delegates to <paramref name="inner"/> but adds <paramref name="error"/> to every checked value on <paramref name="backend"/>: a fast wrong answer.</summary>
internal sealed class SkewedCase(BenchCase inner, Backend backend, double error) : BenchCase
{
    public override string Id => inner.Id;
    public override string Title => inner.Title;
    public override string Unit => inner.Unit;
    public override double? FlopsPerUnit => inner.FlopsPerUnit;
    public override double Tolerance => inner.Tolerance;
    public override string ToleranceReason => inner.ToleranceReason;
    public override BenchScale Scale(Backend b, BenchSize size) => inner.Scale(b, size);

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        var call = inner.Prepare(size, members, ran);
        return engine =>
        {
            var output = call(engine);
            return engine.Backend != backend ? output
                : output with { Check = output.Check.Select(v => v.Select(x => x + error).ToArray()).ToList() };
        };
    }
}
