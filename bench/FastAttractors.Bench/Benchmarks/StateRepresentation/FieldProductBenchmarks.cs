using BenchmarkDotNet.Attributes;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// The field product of binary recall and training, F = b + W x for a batch of 10 trial states, at W7's size
/// (N = 100 visible, M = 400 hidden): layer U is M × N (hidden fields from visible states), layer V is N × M (visible
/// fields from hidden states). One operation = the fields of all 10 trials of one layer. Float32 is the production
/// representation; sbyte and bit-packed states either convert to ±1 floats at the broadcast (the same FMA tile), unpack
/// to a float scratch first, or use the bits directly: masked adds (Vector.ConditionalSelect per column) or a walk of
/// the set bits (TrailingZeroCount). [GlobalSetup] checks every kernel against a float64 loop (exact: dyadic weights).
/// Each call loops <see cref="Reps"/> times so the macro job's one call per iteration times microseconds well.
/// </summary>
[WarmupCount(3)]
[IterationCount(15)]
[MinColumn]
public class FieldProductBenchmarks
{
    private const int Reps = 8_000;
    private const int Visible = 100, Hidden = 400, Trials = 10;
    private DyadicLayer layer = null!;
    private float[] fields = [];
    private float[] unpacked = [];
    private int[] list = [];

    [Params("U", "V")]
    public string Layer { get; set; } = "U";

    [GlobalSetup]
    public void Setup()
    {
        layer = Layer == "U" ? new DyadicLayer(Hidden, Visible, Trials, seed: 5) : new DyadicLayer(Visible, Hidden, Trials, seed: 6);
        fields = new float[Trials * layer.Padded];
        unpacked = new float[Trials * layer.Cols];
        list = new int[layer.Cols];
        foreach (var (name, kernel) in new (string, Action)[]
        {
            (nameof(Float32), RunFloat32), (nameof(Sbyte), RunSbyte), (nameof(BitsBroadcast), RunBitsBroadcast),
            (nameof(BitsUnpacked), RunBitsUnpacked), (nameof(BitsMaskedAdd), RunBitsMaskedAdd), (nameof(BitsSetBits), RunBitsSetBits),
        })
        {
            Array.Fill(fields, float.NaN);    // a kernel that skips a field cannot pass on stale values
            kernel();
            layer.Check(name, fields);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reps)]
    public float Float32()
    {
        for (int i = 0; i < Reps; i++)
            RunFloat32();
        return fields[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float Sbyte()
    {
        for (int i = 0; i < Reps; i++)
            RunSbyte();
        return fields[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float BitsBroadcast()
    {
        for (int i = 0; i < Reps; i++)
            RunBitsBroadcast();
        return fields[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float BitsUnpacked()
    {
        for (int i = 0; i < Reps; i++)
            RunBitsUnpacked();
        return fields[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float BitsMaskedAdd()
    {
        for (int i = 0; i < Reps; i++)
            RunBitsMaskedAdd();
        return fields[0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float BitsSetBits()
    {
        for (int i = 0; i < Reps; i++)
            RunBitsSetBits();
        return fields[0];
    }

    private void RunFloat32() =>
        BroadcastProduct.Compute(layer.WeightsT, layer.Bias, layer.Cols, new FloatInput(layer.FloatStates, layer.Cols), Trials, fields);

    private void RunSbyte() =>
        BroadcastProduct.Compute(layer.WeightsT, layer.Bias, layer.Cols, new SbyteInput(layer.SbyteStates, layer.Cols), Trials, fields);

    private void RunBitsBroadcast() =>
        BroadcastProduct.Compute(layer.WeightsT, layer.Bias, layer.Cols, new BitInput(layer.BitStates, layer.Words), Trials, fields);

    private void RunBitsUnpacked()
    {
        for (int q = 0; q < Trials; q++)
            PackedStates.UnpackBits(layer.BitStates.AsSpan(q * layer.Words, layer.Words), layer.Cols, unpacked.AsSpan(q * layer.Cols, layer.Cols));
        BroadcastProduct.Compute(layer.WeightsT, layer.Bias, layer.Cols, new FloatInput(unpacked, layer.Cols), Trials, fields);
    }

    private void RunBitsMaskedAdd() =>
        MaskedAddProduct.Compute(layer.WeightsT, layer.HalfBiasMinusSums, layer.Cols, layer.BitStates, layer.Words, Trials, fields);

    private void RunBitsSetBits() =>
        SetBitsProduct.Compute(layer.WeightsT, layer.HalfBiasMinusSums, layer.HalfBiasPlusSums, layer.Cols, layer.BitStates, layer.Words, Trials, list, fields);
}
