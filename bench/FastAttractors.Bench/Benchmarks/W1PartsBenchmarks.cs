using System.Numerics;
using BenchmarkDotNet.Attributes;
using FastAttractors.Simd;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// The two parts of one W1 right-hand side on one Simd tile (Vector&lt;float&gt;.Count members, n = 16), to say what
/// limits W1: the 16 lane-vector tanh (RationalTanh for float32) and the 16 × 16 lane-vector mat-vec (256 FMAs, W in L1).
/// Each call loops <see cref="Reps"/> times, so the macro job's one call per iteration still times microseconds
/// well (more warm-ups and iterations than the macro job: tiering settles late); the reported time is per single
/// tanh / mat-vec of a tile. A member-step is four of each per tile.
/// </summary>
[WarmupCount(5)]
[IterationCount(15)]
public class W1PartsBenchmarks
{
    private const int Reps = 1_000_000;
    private const int N = 16;
    private readonly Vector<float>[] x = new Vector<float>[N];
    private readonly Vector<float>[] t = new Vector<float>[N];
    private readonly Vector<float>[] y = new Vector<float>[N];
    private SimdParameters<float> w;

    [GlobalSetup]
    public void Setup()
    {
        int lanes = Vector<float>.Count;
        w = SimdParameters<float>.From(Weights.SparseGaussian(N, 1.5, 1.0, lanes, 1), 1, lanes);
        var x0 = InitialStates.Normal(N, lanes, 1, 2);
        var lane = new float[lanes];
        for (int i = 0; i < N; i++)
        {
            for (int l = 0; l < lanes; l++)
                lane[l] = (float)x0[i * lanes + l];
            x[i] = new Vector<float>(lane);
        }
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float TanhTile()
    {
        for (int r = 0; r < Reps; r++)
            SimdMath.Tanh<float>(x, t);
        return t[0][0];
    }

    [Benchmark(OperationsPerInvoke = Reps)]
    public float MatVecTile()
    {
        Array.Fill(y, Vector<float>.Zero);
        for (int r = 0; r < Reps; r++)
            SimdMath.MatVecAdd(w, 0, N, x, y);
        return y[0][0];
    }
}
