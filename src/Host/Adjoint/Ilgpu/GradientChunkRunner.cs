using FastAttractors.Backends;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Ode.Integrators;
using ILGPU.Runtime;
using ILGPU;

namespace FastAttractors.Adjoint.Ilgpu;

/// <summary>
/// One chunk of members [first, first + count): the forward pass storing checkpoints, then segment by segment from the
/// last: recompute the segment's states from its checkpoint, fetch only the states at the segment's loss steps,
/// evaluate ℓ and ∂ℓ/∂x on the host (any ILossFunction), upload the gradients, step the adjoint back through the
/// segment. Every launch is bounded in length; results are written into the member's slots of the result.
/// </summary>
internal sealed class GradientChunkRunner<T>(KernelCache cache, GradientPlan plan, EnsembleGradients result, AdjointShape shape, int lossSlots,
    int first, int count) : IKernelModelSink<T> where T : unmanaged, IReal<T>, ILift<T, T>
{
    private readonly double[] loss = new double[count];

    public void Run<TModel>(TModel model) where TModel : struct, ITangentModel<T>, IAdjointModel<T>
    {
        var accelerator = cache.Accelerator;
        int n = plan.N, c = plan.CheckpointInterval;
        long vector = (long)n * count;
        using var x = accelerator.Allocate1D(DeviceChunks.Gather<T>(plan.Problem.InitialStates, n, plan.Members, first, count));
        using var next = accelerator.Allocate1D<T>(vector);
        // Classic RK4 runs its unrolled kernel code (stage states X₁..X₃, slopes K₀..K₃); any other method reads its
        // tableau's terms and keeps one stage state, slope and stage cotangent per stage.
        bool general = !plan.IsMap && !plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4);
        using var tableau = general ? new IlgpuTableau<T>(accelerator, plan.Tableau, plan.Dt) : null;
        int stageCount = tableau?.Stages ?? 4;
        using var stages = accelerator.Allocate1D<T>(plan.IsMap ? 1 : (general ? stageCount : 3) * vector);
        using var slopes = accelerator.Allocate1D<T>(plan.IsMap ? 1 : stageCount * vector);
        using var adjoint = accelerator.Allocate1D<T>(vector);
        using var stageBars = accelerator.Allocate1D<T>(plan.IsMap ? 1 : stageCount * vector);
        using var bar = accelerator.Allocate1D<T>(vector);
        using var scratch = accelerator.Allocate1D<T>(Math.Max(1L, (long)shape.ScratchLength * count));
        using var work = accelerator.Allocate1D<T>(Math.Max(1L, (long)shape.WorkLength * count));
        using var checkpoints = accelerator.Allocate1D<T>(plan.Checkpoints * vector);
        using var segment = accelerator.Allocate1D<T>(c * vector);
        using var lossGradients = accelerator.Allocate1D<T>(Math.Max(1L, lossSlots * vector));
        using var lossSteps = accelerator.Allocate1D<long>(Math.Max(1, lossSlots));
        using var parameterBar = accelerator.Allocate1D<double>(Math.Max(1L, (long)shape.ParameterLength * count));
        using var norms = accelerator.Allocate1D<double>(Math.Max(1L, plan.NormFrames * count));
        using var status = accelerator.Allocate1D<int>(count);
        using var failed = accelerator.Allocate1D<long>(count);
        status.MemSetToZero();
        parameterBar.MemSetToZero();
        norms.MemSetToZero();
        var state = new AdjointState<T>(count, x.View, next.View, stages.View, slopes.View, adjoint.View, stageBars.View, bar.View,
            scratch.View, work.View, checkpoints.View, segment.View, lossGradients.View, lossSteps.View, parameterBar.View, norms.View,
            status.View, failed.View);
        var coefficients = tableau is null
            ? new AdjointCoefficients<T>(plan.IsMap ? 1 : 0, plan.Dt)
            : new AdjointCoefficients<T>(0, plan.Dt, tableau.Terms(), 1);
        var forward = cache.AdjointForward<T, TModel>();
        var backward = cache.AdjointBackward<T, TModel>();
        int perLaunch = GradientChunks.StepsPerLaunch(plan);

        for (long done = 0; done < plan.Steps;)
        {
            int steps = (int)Math.Min(perLaunch, plan.Steps - done);
            forward(count, model, state, coefficients, new ForwardRange(done, steps, 0, c, plan.Checkpoints, 0));
            done += steps;
        }
        accelerator.Synchronize();
        var diverged = status.GetAsArray1D().Select(code => code == AdjointStatusCode.ForwardDiverged).ToArray();
        adjoint.View.CopyFromCPU(FinalAdjoint(x.GetAsArray1D(), diverged));

        int term = plan.LossTerms.Count - 1;
        while (term >= 0 && plan.LossTerms[term].Step == plan.Steps)
            term--;
        var host = new T[Math.Max(1L, lossSlots * vector)];
        for (long s = plan.Checkpoints - 1; s >= 0; s--)
        {
            long segmentFirst = s * c, end = Math.Min(segmentFirst + c, plan.Steps);
            checkpoints.View.SubView(s * vector, vector).CopyTo(x.View);
            for (long done = segmentFirst; done < end - 1 || done == segmentFirst;)
            {
                int steps = (int)Math.Min(perLaunch, end - 1 - done);
                forward(count, model, state, coefficients, new ForwardRange(done, steps, segmentFirst, 1, end - segmentFirst, 1));
                done += Math.Max(steps, 1);
            }
            var stepsHere = new List<long>();
            while (term >= 0 && plan.LossTerms[term].Step >= segmentFirst)
            {
                long step = plan.LossTerms[term].Step;
                var states = segment.View.SubView((step - segmentFirst) * vector, vector).GetAsArray1D();
                AddLoss(term, states, host, stepsHere.Count, diverged);
                while (term > 0 && plan.LossTerms[term - 1].Step == step)
                {
                    term--;
                    AddLoss(term, states, host, stepsHere.Count, diverged);
                }
                term--;
                stepsHere.Add(step);
            }
            if (stepsHere.Count > 0)
            {
                lossGradients.View.SubView(0, stepsHere.Count * vector).CopyFromCPU(host.AsSpan(0, (int)(stepsHere.Count * vector)).ToArray());
                lossSteps.View.SubView(0, stepsHere.Count).CopyFromCPU(stepsHere.ToArray());
            }
            for (long top = end - 1; top >= segmentFirst;)
            {
                int steps = (int)Math.Min(perLaunch, top - segmentFirst + 1);
                int cursor = stepsHere.Count(step => step > top);
                backward(count, model, state, coefficients,
                    new BackwardRange(top, steps, segmentFirst, cursor, stepsHere.Count, plan.NormEvery ?? 0));
                top -= steps;
            }
        }
        accelerator.Synchronize();
        Collect(status.GetAsArray1D(), failed.GetAsArray1D(), adjoint.GetAsArray1D(), parameterBar.GetAsArray1D(), norms.GetAsArray1D());
    }

    /// <summary>ā(T) = Σ ∂ℓ/∂x(T) of the terms at the final step (terms consumed from the last, as the reference); its norm.</summary>
    private T[] FinalAdjoint(T[] final, bool[] diverged)
    {
        int n = plan.N;
        var a = new double[(long)n * count];
        var x = new double[n];
        var g = new double[n];
        for (int j = 0; j < count; j++)
        {
            if (diverged[j])
                continue;
            MemberState(final, j, x);
            for (int term = plan.LossTerms.Count - 1; term >= 0 && plan.LossTerms[term].Step == plan.Steps; term--)
            {
                loss[j] += plan.LossTerms[term].Function.Evaluate(first + j, x, g);
                for (int i = 0; i < n; i++)
                    a[(long)i * count + j] += g[i];
            }
            if (plan.NormEvery is { } every && plan.Steps % every == 0)
                result.AdjointNorms![(plan.Steps / every) * plan.Members + first + j] = AdjointNorm.Of(a.AsSpan(j), n, count);
        }
        return Array.ConvertAll(a, T.FromDouble);
    }

    /// <summary>ℓ and ∂ℓ/∂x of one term for every member; gradients of terms at the same step add up in one slot.</summary>
    private void AddLoss(int term, T[] states, T[] host, int slot, bool[] diverged)
    {
        int n = plan.N;
        long vector = (long)n * count;
        bool firstAtStep = term == plan.LossTerms.Count - 1 || plan.LossTerms[term + 1].Step != plan.LossTerms[term].Step;
        var x = new double[n];
        var g = new double[n];
        for (int j = 0; j < count; j++)
        {
            if (diverged[j])
                continue;
            MemberState(states, j, x);
            loss[j] += plan.LossTerms[term].Function.Evaluate(first + j, x, g);
            for (int i = 0; i < n; i++)
            {
                long at = slot * vector + (long)i * count + j;
                host[at] = firstAtStep ? T.FromDouble(g[i]) : T.FromDouble(host[at].ToDouble() + g[i]);
            }
        }
    }

    /// <summary>Chunk member <paramref name="j"/>'s state, from the chunk's SoA array, into <paramref name="x"/> in float64.</summary>
    private void MemberState(T[] states, int j, double[] x)
    {
        for (int i = 0; i < x.Length; i++)
            x[i] = states[(long)i * count + j].ToDouble();
    }

    private void Collect(int[] codes, long[] failedAt, T[] adjoint, double[] parameterBar, double[] norms)
    {
        int n = plan.N;
        for (int j = 0; j < count; j++)
        {
            int m = first + j;
            if (plan.NormEvery is { } every)
            {
                for (long f = 0; f * every < plan.Steps; f++)
                    result.AdjointNorms![f * plan.Members + m] = norms[f * count + j];
            }
            if (codes[j] != AdjointStatusCode.Ok)
            {
                GradientFailure.Fail(result, m, (GradientStatus)codes[j], failedAt[j]);
                continue;
            }
            result.Loss[m] = loss[j];
            for (int i = 0; i < n; i++)
                result.InitialStates[(long)i * plan.Members + m] = adjoint[(long)i * count + j].ToDouble();
            int offset = 0;
            bool finite = true;
            foreach (var block in result.Parameters)
            {
                for (int p = 0; p < block.Length; p++)
                {
                    double v = parameterBar[(long)(offset + p) * count + j];
                    finite &= double.IsFinite(v);
                    block.Values[(long)p * plan.Members + m] = v;
                }
                offset += block.Length;
            }
            if (!finite)
                GradientFailure.Fail(result, m, GradientStatus.GradientNonFinite, 0);
        }
    }
}
