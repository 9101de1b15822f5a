using BenchmarkDotNet.Attributes;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// The cost of writing the new state from float32 fields in each representation (the step every recall step ends
/// with, and the one bit-packing adds a pack to), at N = 100, 400 (W7's hidden layer) and 784. One operation = one
/// state; calls cycle through 64 field vectors with random signs, a few exact ±0. [GlobalSetup] checks every kernel
/// on every vector against a float64 loop.
/// </summary>
[WarmupCount(3)]
[IterationCount(15)]
[MinColumn]
public class StateSignBenchmarks
{
    private const int Reps = 8_000_000;
    private const int Count = 64;
    private int fp, sp, words, used;
    private float[] fields = [], floatStates = [];
    private sbyte[] sbyteStates = [];
    private ulong[] bitStates = [];

    [Params(100, 400, 784)]
    public int N { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        // sbyte output is written 4 float vectors (one sbyte vector) at a time: pad the fields to that.
        // The float and bit kernels read only the fields' first FloatPadded(N) entries.
        fp = PackedStates.SbytePadded(N);
        sp = PackedStates.SbytePadded(N);
        used = PackedStates.FloatPadded(N);
        words = PackedStates.Words(N);
        var random = new Random(10);
        fields = new float[Count * fp];
        for (int v = 0; v < Count; v++)
            for (int k = 0; k < N; k++)
                fields[v * fp + k] = random.Next(20) switch { 0 => 0f, 1 => -0f, _ => random.Next(-512, 513) / 1024f };
        floatStates = new float[Count * fp];
        sbyteStates = new sbyte[Count * sp];
        bitStates = new ulong[Count * words];
        var unpacked = new float[N];
        for (int v = 0; v < Count; v++)
        {
            StateSigns.ToFloat(Fields(v)[..used], floatStates.AsSpan(v * fp, used));
            StateSigns.ToSbyte(Fields(v), sbyteStates.AsSpan(v * sp, sp));
            StateSigns.ToBits(Fields(v)[..used], N, bitStates.AsSpan(v * words, words));
            PackedStates.UnpackBits(bitStates.AsSpan(v * words, words), N, unpacked);
            for (int k = 0; k < N; k++)
            {
                double expected = (double)fields[v * fp + k] >= 0 ? 1 : -1;
                if (floatStates[v * fp + k] != expected || sbyteStates[v * sp + k] != expected || unpacked[k] != expected)
                    throw new InvalidOperationException(
                        $"sign of field {fields[v * fp + k]} (vector {v}, neuron {k}): float {floatStates[v * fp + k]}, sbyte {sbyteStates[v * sp + k]}, bits {unpacked[k]}, float64 loop {expected}");
            }
            if (N % 64 != 0 && bitStates[v * words + words - 1] >> (N % 64) != 0)
                throw new InvalidOperationException($"bits beyond neuron {N} are set (vector {v})");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reps)]
    public float SignFloat32()
    {
        for (int i = 0; i < Reps; i++)
            StateSigns.ToFloat(Fields(i % Count)[..used], floatStates.AsSpan((i % Count) * fp, used));
        return floatStates[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public sbyte SignSbyte()
    {
        for (int i = 0; i < Reps; i++)
            StateSigns.ToSbyte(Fields(i % Count), sbyteStates.AsSpan((i % Count) * sp, sp));
        return sbyteStates[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public ulong SignBits()
    {
        for (int i = 0; i < Reps; i++)
            StateSigns.ToBits(Fields(i % Count)[..used], N, bitStates.AsSpan((i % Count) * words, words));
        return bitStates[0];
    }

    private ReadOnlySpan<float> Fields(int v) => fields.AsSpan(v * fp, fp);
}
