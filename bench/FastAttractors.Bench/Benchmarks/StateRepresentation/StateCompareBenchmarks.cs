using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// Equality and Hamming distance of one state against one stored pattern, per representation, at N = 100 (W7) and
/// N = 784 (a 28 × 28 Moving MNIST frame). Equality is timed on equal pairs (the common case once recall is on the
/// sequence, and the most work: no early exit); Hamming on independent random pairs (its cost does not depend on the
/// data). The calls cycle through 64 pairs so no answer is a constant. [GlobalSetup] checks every kernel on every
/// pair against a float64 loop, and equality also on pairs that differ only in the last neuron.
/// </summary>
[WarmupCount(3)]
[IterationCount(15)]
[MinColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StateCompareBenchmarks
{
    private const int Reps = 16_000_000;
    private const int Pairs = 64;
    private StatePairs equal = null!, random = null!;

    [Params(100, 784)]
    public int N { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        equal = new StatePairs(N, Pairs, identical: true, seed: 7);
        random = new StatePairs(N, Pairs, identical: false, seed: 8);
        equal.Check();
        random.Check();
        var lastDiffers = new StatePairs(N, Pairs, identical: true, seed: 9);
        lastDiffers.FlipLastNeuronOfPatterns();
        lastDiffers.Check();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reps), BenchmarkCategory("Equal")]
    public int EqualFloat32()
    {
        int count = 0;
        for (int i = 0; i < Reps; i++)
            count += StateComparisons.Equal(equal.FloatState(i % Pairs), equal.FloatPattern(i % Pairs)) ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = Reps), BenchmarkCategory("Equal")]
    public int EqualSbyte()
    {
        int count = 0;
        for (int i = 0; i < Reps; i++)
            count += StateComparisons.Equal(equal.SbyteState(i % Pairs), equal.SbytePattern(i % Pairs)) ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = Reps), BenchmarkCategory("Equal")]
    public int EqualBits()
    {
        int count = 0;
        for (int i = 0; i < Reps; i++)
            count += StateComparisons.Equal(equal.BitState(i % Pairs), equal.BitPattern(i % Pairs)) ? 1 : 0;
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reps), BenchmarkCategory("Hamming")]
    public int HammingFloat32()
    {
        int sum = 0;
        for (int i = 0; i < Reps; i++)
            sum += StateComparisons.Hamming(random.FloatState(i % Pairs), random.FloatPattern(i % Pairs));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reps), BenchmarkCategory("Hamming")]
    public int HammingSbyte()
    {
        int sum = 0;
        for (int i = 0; i < Reps; i++)
            sum += StateComparisons.Hamming(random.SbyteState(i % Pairs), random.SbytePattern(i % Pairs));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reps), BenchmarkCategory("Hamming")]
    public int HammingBits()
    {
        int sum = 0;
        for (int i = 0; i < Reps; i++)
            sum += StateComparisons.Hamming(random.BitState(i % Pairs), random.BitPattern(i % Pairs));
        return sum;
    }
}
