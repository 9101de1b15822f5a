using FastAttractors.Backends;
using FastAttractors.Kernels.Binary;
using ILGPU.Runtime;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// Binary sequence networks on an ILGPU accelerator (Cuda, OpenCL or the CPU accelerator). Recall of the hidden
/// (HiddenUV, HiddenVOnly) and visible perceptron variants runs <see cref="BinaryRecallKernel"/>, one thread per
/// (network, trial), from start states flipped on the host with <see cref="FlipNoise"/>; it steps in float64 with the
/// Reference's summation order, so outcomes equal the Reference's trial by trial wherever the device adds and multiplies
/// as IEEE float64 without contraction (always on the dyadic grid, where every sum is exact). Hebbian and Long Sequence
/// Hopfield recall, and all training, run on <see cref="SimdBinary"/> and report Backend.Simd.
/// </summary>
internal sealed class IlgpuBinary : IBinaryEstimator
{
    private readonly KernelCache cache;
    private readonly SimdBinary cpu = new();

    /// <param name="accelerator">Borrowed from the engine's integrator, which owns and disposes it.</param>
    public IlgpuBinary(Backend backend, Accelerator accelerator)
    {
        Backend = backend;
        cache = new KernelCache(accelerator);
    }

    public Backend Backend { get; }

    /// <summary>Training kernels are future work: training runs on the Simd CPU path (its result says Backend.Simd).</summary>
    public TrainingResult Train(TrainingPlan plan) => cpu.Train(plan);

    public RecallResult Recall(RecallPlan plan)
    {
        var trained = plan.Trained;
        if (trained.Variant is not (NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly or NetworkVariant.VisiblePerceptron))
            return cpu.Recall(plan);
        var o = plan.Options;
        var seq = trained.Sequences;
        int networks = trained.Networks, trials = o.Trials, n = trained.Visible;
        bool hiddenLayer = trained.Variant != NetworkVariant.VisiblePerceptron;
        int m = hiddenLayer ? trained.Hidden : 0;
        long total = (long)networks * trials;
        var success = new bool[total];
        var accelerator = cache.Accelerator;

        // Per-thread device memory: state and next (N ints each) and the hidden state (M doubles); a chunk uses at
        // most a quarter of the device and keeps every SoA index below 2^31.
        long perThread = 2L * n * sizeof(int) + (long)m * sizeof(double);
        long byMemory = Math.Max(1, accelerator.MemorySize / 4 / perThread);
        long byIndex = int.MaxValue / Math.Max(n, Math.Max(m, 1));
        int chunk = (int)Math.Min(total, Math.Min(byMemory, byIndex));

        using var first = accelerator.Allocate1D(NonEmpty(hiddenLayer ? trained.U : trained.W));
        using var second = accelerator.Allocate1D(NonEmpty(hiddenLayer ? trained.V : []));
        using var hiddenBias = accelerator.Allocate1D(NonEmpty(trained.HiddenBias));
        using var visibleBias = accelerator.Allocate1D(NonEmpty(trained.VisibleBias));
        using var patterns = accelerator.Allocate1D(Array.ConvertAll(seq.ToArray(), p => (int)p));
        var kernel = cache.BinaryRecall();
        var flipped = new int[o.FlippedBits];
        for (long start = 0; start < total; start += chunk)
        {
            int count = (int)Math.Min(chunk, total - start);
            var states = new int[(long)n * count];
            for (int j = 0; j < count; j++)
            {
                long id = start + j;
                int b = (int)(id / trials), r = (int)(id % trials);
                var pattern = seq.Pattern(b, 0);
                for (int k = 0; k < n; k++)
                    states[(long)k * count + j] = pattern[k];
                FlipNoise.Choose(o.Seed, b, r, n, o.FlippedBits, flipped);
                foreach (int k in flipped)
                    states[(long)k * count + j] = -states[(long)k * count + j];
            }
            using var state = accelerator.Allocate1D(states);
            using var next = accelerator.Allocate1D<int>(Math.Max(1L, (long)n * count));
            using var scratch = accelerator.Allocate1D<double>(Math.Max(1L, (long)m * count));
            using var hits = accelerator.Allocate1D<int>(count);
            var shape = new BinaryRecallShape((int)start, count, trials, n, m, seq.Length, seq.Transitions,
                seq.Boundary == SequenceBoundary.Periodic, hiddenLayer, trained.Options.HiddenCode == HiddenCode.ZeroOne,
                o.Criterion == RecallCriterion.ReachesSequence, plan.SearchSteps);
            var buffers = new BinaryRecallBuffers(first.View, second.View, hiddenBias.View, visibleBias.View, patterns.View,
                state.View, next.View, scratch.View, hits.View);
            kernel(count, shape, buffers);
            accelerator.Synchronize();
            var result = hits.GetAsArray1D();
            for (int j = 0; j < count; j++)
                success[start + j] = result[j] != 0;
        }
        return new RecallResult(networks, trials, o, Backend, success);
    }

    /// <summary>ILGPU allocations of length 0 are avoided: an unused matrix uploads as one zero.</summary>
    private static double[] NonEmpty(double[] values) => values.Length > 0 ? values : [0.0];
}
