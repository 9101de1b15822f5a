namespace FastAttractors.Cli.Bench;

/// <summary>
/// One standard workload as <c>fastattractors bench</c> runs it: its sizes, its unit of work, its flops per unit (for
/// the fraction of peak) and how far a backend's answer may stray from the Reference's before the row is flagged.
/// </summary>
internal abstract class BenchCase
{
    /// <summary>W1, W2, … as in docs/benchmarks.md.</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>The unit of <see cref="BenchOutput.Units"/>, e.g. "member-steps".</summary>
    public abstract string Unit { get; }

    /// <summary>Floating-point operations per unit (an FMA counts 2), or null where a flop count means nothing (W7).</summary>
    public abstract double? FlopsPerUnit { get; }

    /// <summary>Why <see cref="FlopsPerUnit"/> is null, for the table's footnote.</summary>
    public virtual string NoFlopCountReason => "sign and integer work";

    /// <summary>The largest deviation from Reference (as <see cref="CrossCheck"/> measures it) that still counts as agreement.</summary>
    public abstract double Tolerance { get; }

    /// <summary>Why <see cref="Tolerance"/> is what it is: printed under the table.</summary>
    public abstract string ToleranceReason { get; }

    /// <summary>The members (networks) a row on <paramref name="backend"/> stands for and how many it runs.</summary>
    public abstract BenchScale Scale(Backend backend, BenchSize size);

    /// <summary>
    /// Builds the first <paramref name="ran"/> members of the <paramref name="members"/>-member problem (untimed) and
    /// returns the call that runs it; the runner times that call.
    /// </summary>
    public abstract Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran);

    /// <summary>Members compared with Reference (at most): a few are enough to catch a wrong answer and cost the Reference little.</summary>
    public virtual int CheckedMembers => 8;

    protected static bool IsGpu(Backend backend) => backend is Backend.Cuda or Backend.OpenCL;
}
