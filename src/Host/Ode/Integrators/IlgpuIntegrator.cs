using FastAttractors.Backends;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using FastAttractors.Models;
using ILGPU.Runtime;
using ILGPU;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// Runs the ILGPU kernels (Cuda, OpenCL or the CPU accelerator): per chunk, upload states and parameters in the
/// chunk's SoA layout, launch one kernel per recorded segment, download states, status and trajectory frames.
/// </summary>
/// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
internal sealed class IlgpuIntegrator(IlgpuDevice device) : IlgpuEstimator(device), IEnsembleIntegrator
{
    /// <summary>False sends classic RK4 through the tableau kernel too (tests compare the two; benchmarks time them).</summary>
    internal bool UnrolledRk4 { get; init; } = true;

    public EnsembleSolution Integrate(RunPlan plan)
    {
        MethodSupport.Require(plan.Solver, Backend, SolverCapability.Integrate);
        return plan.Options.Precision == Precision.Float32
            ? Integrate<Real32>(plan, Precision.Float32, sizeof(float))
            : Integrate<Real64>(plan, Precision.Float64, sizeof(double));
    }

    private EnsembleSolution Integrate<T>(RunPlan plan, Precision precision, int elementSize) where T : unmanaged, IReal<T>, ILift<T, T>
    {
        var solution = new EnsembleSolution(plan.N, plan.Members, plan.Steps, plan.Dt, plan.RecordEvery, Backend, precision);
        // Classic RK4 keeps its unrolled kernel (see Rk4Kernel); any other tableau goes through RkKernel.
        using var tableau = plan.IsMap || (UnrolledRk4 && plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4))
            ? null
            : new IlgpuTableau<T>(Accelerator, plan.Tableau, plan.Dt);
        int chunk = ChunkPlanner.ChunkSize(plan, elementSize, Accelerator.MemorySize, tableau?.Stages ?? 1);
        DeviceChunks.Run<T>(Accelerator, plan.Binding, plan.Members, chunk,
            (first, count) => new ChunkRunner<T>(this, plan, solution, tableau, first, count));
        return solution;
    }

    private sealed class ChunkRunner<T>(IlgpuIntegrator owner, RunPlan plan, EnsembleSolution solution, IlgpuTableau<T>? tableau, int first, int count)
        : IKernelModelSink<T> where T : unmanaged, IReal<T>, ILift<T, T>
    {
        public void Run<TModel>(TModel model) where TModel : struct, ITangentModel<T>, IAdjointModel<T>
        {
            var accelerator = owner.Accelerator;
            int n = plan.N;
            long length = (long)n * count;
            using var x = accelerator.Allocate1D(DeviceChunks.Gather<T>(plan.Problem.InitialStates, n, plan.Members, first, count));
            using var stage = accelerator.Allocate1D<T>(length);
            using var slope = accelerator.Allocate1D<T>(length * (tableau?.Stages ?? 1));
            using var acc = accelerator.Allocate1D<T>(length);
            using var scratch = accelerator.Allocate1D<T>(Math.Max(1L, (long)model.ScratchLength * count));
            using var status = accelerator.Allocate1D<int>(count);
            using var failed = accelerator.Allocate1D<long>(count);
            status.MemSetToZero();
            var state = new EnsembleState<T>(count, x.View, stage.View, slope.View, acc.View, scratch.View, status.View, failed.View);
            var coefficients = new Rk4Coefficients<T>(
                T.FromDouble(plan.Dt), T.FromDouble(plan.Dt / 2), T.FromDouble(plan.Dt / 3), T.FromDouble(plan.Dt / 6));

            Store(x, 0);
            long segment = plan.RecordEvery ?? Math.Max(1, plan.Steps);
            for (long done = 0; done < plan.Steps;)
            {
                // One launch runs at most int.MaxValue steps; recording splits launches at frame boundaries.
                int steps = (int)Math.Min(Math.Min(segment, plan.Steps - done), int.MaxValue);
                var range = new StepRange(done, steps);
                if (plan.IsMap)
                    owner.Kernels.Map<T, TModel>()(count, model, state, range);
                else if (tableau is not null)
                    owner.Kernels.Rk<T, TModel>()(count, model, state, tableau.Terms(), range);
                else
                    owner.Kernels.Rk4<T, TModel>()(count, model, state, coefficients, range);
                done += steps;
                if (plan.RecordEvery is { } every && done % every == 0)
                    Store(x, done / every);
            }
            accelerator.Synchronize();
            Scatter(x.GetAsArray1D(), solution.FinalStates, 0);
            var codes = status.GetAsArray1D();
            var failedAt = failed.GetAsArray1D();
            for (int j = 0; j < count; j++)
            {
                if (codes[j] != MemberStatusCode.Ok)
                {
                    solution.Status[first + j] = MemberStatus.NonFinite;
                    solution.FailedStep[first + j] = failedAt[j];
                }
            }
        }

        private void Store(MemoryBuffer1D<T, Stride1D.Dense> x, long frame)
        {
            if (solution.Trajectory is null)
                return;
            Scatter(x.GetAsArray1D(), solution.Trajectory, frame * plan.N * (long)plan.Members);
        }

        private void Scatter(T[] chunk, double[] target, long offset)
        {
            for (int i = 0; i < plan.N; i++)
                for (int j = 0; j < count; j++)
                    target[offset + (long)i * plan.Members + first + j] = chunk[(long)i * count + j].ToDouble();
        }
    }
}
