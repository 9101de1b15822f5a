using FastAttractors.Kernels.Binary;
using ILGPU;
using ILGPU.Runtime;

namespace FastAttractors.Binary.Estimators;

internal sealed partial class IlgpuBinary
{
    /// <summary>
    /// Trains HiddenUV, HiddenVOnly and visible perceptron networks with <see cref="BinaryTrainingKernel"/>, in chunks
    /// of networks that fit a quarter of the device and keep every per-chunk index below 2^31. The host prepares what
    /// the Reference draws before its loop (initial and fixed weights from the counter RNG, the hidden sign targets);
    /// every epoch, gate count and margin is computed on the device. Hebbian and Long Sequence Hopfield: see the class remarks.
    /// </summary>
    public TrainingResult Train(TrainingPlan plan)
    {
        if (!HasKernel(plan.Options.Variant))
            return cpu.Train(plan);
        var o = plan.Options;
        int networks = plan.Networks, n = plan.N, m = plan.Hidden, tr = plan.Transitions, epochsMax = o.MaxEpochs;
        bool hidden = plan.HasHiddenLayer, learnU = o.Variant == NetworkVariant.HiddenUV;
        int firstSize = hidden ? m * n : n * n, secondSize = hidden ? n * m : 0;
        var result = new IlgpuBinaryTrainingArrays(plan);
        var accelerator = cache.Accelerator;
        int groupSize = kernels.TrainingGroupSize;

        // Per network on the device: weights and biases, fields and codes (float64), targets, gate counts and status (int).
        long doubles = (long)firstSize + secondSize + m + n + 2L * m * tr + (long)n * tr + 2 + groupSize;
        long ints = (long)tr * m + 2L * epochsMax + 4;
        long perNetwork = doubles * sizeof(double) + ints * sizeof(int);
        long largest = Math.Max(Math.Max(firstSize, secondSize), Math.Max(Math.Max(ints, groupSize), Math.Max((long)m * tr, (long)n * tr)));
        long byMemory = Math.Max(1, accelerator.MemorySize / 4 / perNetwork);
        long byIndex = Math.Max(1, int.MaxValue / Math.Max(1, largest));
        int chunk = (int)Math.Min(networks, Math.Min(byMemory, byIndex));

        using var patterns = accelerator.Allocate1D(Array.ConvertAll(plan.Sequences.ToArray(), p => (int)p));
        for (int start = 0; start < networks; start += chunk)
        {
            int count = Math.Min(chunk, networks - start);
            var first = new double[(long)count * firstSize];
            var second = new double[(long)count * secondSize];
            var targets = new int[learnU ? (long)count * tr * m : 0];
            Parallel.For(0, count, g => Prepare(plan, start + g, first.AsSpan(g * firstSize, firstSize), second.AsSpan(g * secondSize, secondSize),
                learnU ? targets.AsSpan(g * tr * m, tr * m) : default));
            using var firstBuffer = accelerator.Allocate1D(NonEmpty(first));
            using var secondBuffer = accelerator.Allocate1D(NonEmpty(second));
            using var hiddenTargets = accelerator.Allocate1D(NonEmpty(targets));
            using var hiddenBias = accelerator.Allocate1D<double>(Math.Max(1L, (long)count * m));
            using var visibleBias = accelerator.Allocate1D<double>((long)count * n);
            using var hiddenFields = accelerator.Allocate1D<double>(Math.Max(1L, (long)count * m * tr));
            using var hiddenCodes = accelerator.Allocate1D<double>(Math.Max(1L, (long)count * m * tr));
            using var visibleFields = accelerator.Allocate1D<double>((long)count * n * tr);
            using var gateCounts = accelerator.Allocate1D<int>((long)count * epochsMax * 2);
            using var status = accelerator.Allocate1D<int>(2L * count);
            using var margins = accelerator.Allocate1D<double>(2L * count);
            using var tally = accelerator.Allocate1D<int>(2L * count);
            using var minima = accelerator.Allocate1D<double>((long)count * groupSize);
            hiddenBias.MemSetToZero();
            visibleBias.MemSetToZero();
            var shape = new BinaryTrainingShape(start, n, m, plan.Sequences.Length, tr, epochsMax, hidden, learnU,
                o.HiddenCode == HiddenCode.ZeroOne, o.Biases == BiasMode.Learned, o.Schedule == TrainingSchedule.Online, o.Kappa, o.Eta);
            var buffers = new BinaryTrainingBuffers(patterns.View, hiddenTargets.View, firstBuffer.View, secondBuffer.View, hiddenBias.View,
                visibleBias.View, hiddenFields.View, hiddenCodes.View, visibleFields.View, gateCounts.View, status.View, margins.View,
                tally.View, minima.View);
            kernels.Training(new KernelConfig(count, groupSize), shape, buffers);
            accelerator.Synchronize();
            result.Collect(start, count, firstBuffer.GetAsArray1D(), secondBuffer.GetAsArray1D(), hiddenBias.GetAsArray1D(), visibleBias.GetAsArray1D(),
                gateCounts.GetAsArray1D(), status.GetAsArray1D(), margins.GetAsArray1D());
        }
        return result.ToResult(Backend);
    }

    /// <summary>
    /// What the Reference sets up before its first epoch, with its draws: U (learned: InitialScale·N(0,1) at counters
    /// 0…; fixed: N(0,1) from its own purpose) or W, V at counters M·N…, and the hidden sign targets s(t).
    /// </summary>
    private static void Prepare(TrainingPlan plan, int net, Span<double> first, Span<double> second, Span<int> targets)
    {
        var o = plan.Options;
        ulong initial = CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights);
        if (o.Variant == NetworkVariant.HiddenVOnly)
            FillNormal(first, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.FixedHiddenWeights), 0, 1);
        else
            FillNormal(first, o.Seed, initial, 0, o.InitialScale);
        FillNormal(second, o.Seed, initial, (ulong)(plan.Hidden * plan.N), o.InitialScale);
        if (targets.IsEmpty)
            return;
        var signs = HiddenTargetSigns.Create(plan, net);
        for (int i = 0; i < signs.Length; i++)
            targets[i] = signs[i];
    }

    /// <summary>scale·N(0,1) at counters first, first + 1, …, as ReferenceBinary.FillNormal; zeros (no draws) when scale is 0.</summary>
    private static void FillNormal(Span<double> target, ulong seed, ulong stream, ulong first, double scale)
    {
        if (scale == 0)
            return;
        for (int i = 0; i < target.Length; i++)
            target[i] = scale * CounterRandom.Normal(seed, stream, first + (ulong)i);
    }
}
