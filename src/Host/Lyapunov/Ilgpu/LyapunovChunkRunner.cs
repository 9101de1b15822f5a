using FastAttractors.Backends;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using FastAttractors.Models;
using ILGPU.Runtime;

namespace FastAttractors.Lyapunov.Ilgpu;

/// <summary>
/// One chunk of members [first, first + count): uploads x0 and the shared starting frame Q0 as SoA, runs every QR
/// interval in bounded launches, and copies block sums, contraction integrals and divergence into the accumulators.
/// Maps run the map kernel (<paramref name="tableau"/> null), flows the tableau kernel, whose stage states, slopes,
/// linearisations and tangent slopes take one slot per stage.
/// </summary>
internal sealed class LyapunovChunkRunner<T>(KernelCache cache, LyapunovPlan plan, SpectrumAccumulators acc, double[] offsets,
    IlgpuTangentTableau<T>? tableau, int first, int count)
    : IKernelModelSink<T> where T : unmanaged, IReal<T>, ILift<T, T>
{
    public void Run<TModel>(TModel model) where TModel : struct, ITangentModel<T>, IAdjointModel<T>
    {
        var accelerator = cache.Accelerator;
        int n = plan.N, k = plan.K;
        long vector = (long)n * count, frame = (long)n * k * count;
        int stages = tableau?.Stages ?? 1;
        using var x = accelerator.Allocate1D(DeviceChunks.Gather<T>(plan.Problem.InitialStates, n, plan.Members, first, count));
        using var stage = accelerator.Allocate1D<T>(plan.IsMap ? 1 : vector * stages);
        using var slope = accelerator.Allocate1D<T>(plan.IsMap ? 1 : vector * stages);
        using var nextX = accelerator.Allocate1D<T>(vector);
        using var scratch = accelerator.Allocate1D<T>(Math.Max(1L, (long)model.ScratchLength * count));
        using var lin = accelerator.Allocate1D<T>(Math.Max(1L, (long)model.LinearisationLength * count * stages));
        using var q = accelerator.Allocate1D(InitialFrame());
        // One tangent slope per stage for the current column (the columns go through the stages one at a time).
        using var stageQ = accelerator.Allocate1D<T>(plan.IsMap ? 1 : vector * stages);
        using var nextQ = accelerator.Allocate1D<T>(frame);
        using var column = accelerator.Allocate1D<T>(plan.IsMap ? 1 : vector);
        using var status = accelerator.Allocate1D<int>(count);
        using var failed = accelerator.Allocate1D<long>(count);
        using var blockSums = accelerator.Allocate1D<double>((long)plan.Blocks * k * count);
        using var contraction = accelerator.Allocate1D<double>(count);
        using var offset = accelerator.Allocate1D(offsets.AsSpan(first, count).ToArray());
        status.MemSetToZero();
        blockSums.MemSetToZero();
        contraction.MemSetToZero();
        var state = new LyapunovState<T>(count, x.View, stage.View, slope.View, nextX.View, scratch.View, lin.View, q.View,
            stageQ.View, nextQ.View, column.View, status.View, failed.View, blockSums.View, contraction.View, offset.View);
        var schedule = new LyapunovSchedule(k, plan.Every, plan.TransientIntervals, plan.AccumulateIntervals, plan.Blocks,
            plan.FullSpectrum ? 1 : 0);

        int perLaunch = LyapunovChunks.IntervalsPerLaunch(plan);
        for (long done = 0; done < plan.TotalIntervals;)
        {
            int intervals = (int)Math.Min(perLaunch, plan.TotalIntervals - done);
            var range = new IntervalRange(done, intervals);
            if (tableau is null)
                cache.LyapunovMap<T, TModel>()(count, model, state, schedule, range);
            else
                cache.LyapunovRk<T, TModel>()(count, model, state, tableau.Terms(), tableau.QuadratureView, schedule, range);
            done += intervals;
        }
        accelerator.Synchronize();
        Collect(status.GetAsArray1D(), failed.GetAsArray1D(), blockSums.GetAsArray1D(), contraction.GetAsArray1D());
    }

    /// <summary>Q0 (n × k column-major, shared by all members) as SoA: element (i, c) of member j at (c·n + i)·count + j.</summary>
    private T[] InitialFrame()
    {
        var q0 = plan.InitialTangents();
        var host = new T[(long)q0.Length * count];
        for (int p = 0; p < q0.Length; p++)
        {
            var value = T.FromDouble(q0[p]);
            for (int j = 0; j < count; j++)
                host[(long)p * count + j] = value;
        }
        return host;
    }

    private void Collect(int[] codes, long[] failedAt, double[] blockSums, double[] contraction)
    {
        int k = plan.K, blocks = plan.Blocks;
        for (int j = 0; j < count; j++)
        {
            int m = first + j;
            if (codes[j] != MemberStatusCode.Ok)
                acc.MarkDiverged(m, failedAt[j]);
            acc.ContractionIntegral[m] = contraction[j];
            for (int b = 0; b < blocks; b++)
            {
                var row = acc.BlockRow(m, b);
                for (int i = 0; i < k; i++)
                    row[i] = blockSums[((long)b * k + i) * count + j];
            }
        }
    }
}
