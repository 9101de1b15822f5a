using FastAttractors.Kernels.Binary;
using FastAttractors.Kernels.Numerics;
using ILGPU.Runtime;
using ILGPU;

namespace FastAttractors.Binary.Estimators;

internal sealed partial class IlgpuBinary
{
    /// <summary>
    /// Recall trials from start states flipped on the host with <see cref="FlipNoise"/> (the same bits as every backend),
    /// in chunks of (network, trial) threads that fit a quarter of the device and keep SoA indices below 2^31.
    /// </summary>
    public RecallResult Recall(RecallPlan plan)
    {
        var trained = plan.Trained;
        if (!HasKernel(trained.Variant))
            return cpu.Recall(plan);
        var o = plan.Options;
        var seq = trained.Sequences;
        int networks = trained.Networks, trials = o.Trials, n = trained.Visible;
        bool hiddenLayer = trained.Variant != NetworkVariant.VisiblePerceptron, single = o.Precision == Precision.Float32;
        int m = hiddenLayer ? trained.Hidden : 0;
        long total = (long)networks * trials;
        var success = new bool[total];
        var accelerator = cache.Accelerator;

        long perThread = 2L * n * sizeof(int) + (long)m * (single ? sizeof(float) : sizeof(double));
        long byMemory = Math.Max(1, accelerator.MemorySize / 4 / perThread);
        long byIndex = int.MaxValue / Math.Max(n, Math.Max(m, 1));
        int chunk = (int)Math.Min(total, Math.Min(byMemory, byIndex));

        using var weights = new RecallWeights(accelerator, trained, hiddenLayer, single);
        using var patterns = accelerator.Allocate1D(Array.ConvertAll(seq.ToArray(), p => (int)p));
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
            using var hits = accelerator.Allocate1D<int>(count);
            var shape = new BinaryRecallShape((int)start, count, trials, n, m, seq.Length, seq.Transitions,
                seq.Boundary == SequenceBoundary.Periodic, hiddenLayer, trained.Options.HiddenCode == HiddenCode.ZeroOne,
                o.Criterion == RecallCriterion.ReachesSequence, plan.SearchSteps);
            if (single)
            {
                using var scratch = accelerator.Allocate1D<float>(Math.Max(1L, (long)m * count));
                var step = new RecallStep<Real32>(AsReal32(weights.First32!.View), AsReal32(weights.Second32!.View),
                    AsReal32(weights.HiddenBias32!.View), AsReal32(weights.VisibleBias32!.View), AsReal32(scratch.View));
                kernels.RecallFloat32(count, shape, new BinaryRecallStates(patterns.View, state.View, next.View, hits.View), step);
                accelerator.Synchronize();
            }
            else
            {
                using var scratch = accelerator.Allocate1D<double>(Math.Max(1L, (long)m * count));
                var buffers = new BinaryRecallBuffers(weights.First64!.View, weights.Second64!.View, weights.HiddenBias64!.View, weights.VisibleBias64!.View,
                    patterns.View, state.View, next.View, scratch.View, hits.View);
                cache.BinaryRecall()(count, shape, buffers);
                accelerator.Synchronize();
            }
            var result = hits.GetAsArray1D();
            for (int j = 0; j < count; j++)
                success[start + j] = result[j] != 0;
        }
        return new RecallResult(networks, trials, o, Backend, success);
    }

    /// <summary>The trained weights on the device, as float64 or rounded once to float32: First = U or W, Second = V.</summary>
    private sealed class RecallWeights : IDisposable
    {
        public RecallWeights(Accelerator accelerator, TrainingResult trained, bool hiddenLayer, bool single)
        {
            double[] first = hiddenLayer ? trained.U : trained.W, second = hiddenLayer ? trained.V : [];
            if (single)
            {
                First32 = accelerator.Allocate1D(NonEmpty(ToSingle(first)));
                Second32 = accelerator.Allocate1D(NonEmpty(ToSingle(second)));
                HiddenBias32 = accelerator.Allocate1D(NonEmpty(ToSingle(trained.HiddenBias)));
                VisibleBias32 = accelerator.Allocate1D(NonEmpty(ToSingle(trained.VisibleBias)));
            }
            else
            {
                First64 = accelerator.Allocate1D(NonEmpty(first));
                Second64 = accelerator.Allocate1D(NonEmpty(second));
                HiddenBias64 = accelerator.Allocate1D(NonEmpty(trained.HiddenBias));
                VisibleBias64 = accelerator.Allocate1D(NonEmpty(trained.VisibleBias));
            }
        }

        public MemoryBuffer1D<double, Stride1D.Dense>? First64 { get; }
        public MemoryBuffer1D<double, Stride1D.Dense>? Second64 { get; }
        public MemoryBuffer1D<double, Stride1D.Dense>? HiddenBias64 { get; }
        public MemoryBuffer1D<double, Stride1D.Dense>? VisibleBias64 { get; }
        public MemoryBuffer1D<float, Stride1D.Dense>? First32 { get; }
        public MemoryBuffer1D<float, Stride1D.Dense>? Second32 { get; }
        public MemoryBuffer1D<float, Stride1D.Dense>? HiddenBias32 { get; }
        public MemoryBuffer1D<float, Stride1D.Dense>? VisibleBias32 { get; }

        public void Dispose()
        {
            First64?.Dispose();
            Second64?.Dispose();
            HiddenBias64?.Dispose();
            VisibleBias64?.Dispose();
            First32?.Dispose();
            Second32?.Dispose();
            HiddenBias32?.Dispose();
            VisibleBias32?.Dispose();
        }

        private static float[] ToSingle(double[] values) => Array.ConvertAll(values, x => (float)x);
    }

    /// <summary>A float32 view as the kernels' <see cref="Real32"/> (the same 4 bytes), without a copy.</summary>
    private static ArrayView<Real32> AsReal32(ArrayView<float> view) => view.Cast<Real32>();
}
