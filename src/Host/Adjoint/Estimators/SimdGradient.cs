using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Models;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// The production CPU adjoint: members in tiles of Vector&lt;T&gt;.Count lanes, tiles spread over cores, each tile run
/// exactly as <see cref="ReferenceGradient"/> runs one member (forward pass with checkpoints every C steps, backward
/// segment by segment through the method's stages or the map; classic RK4 unrolled, any other tableau as a stage loop) with the tile fields' hand-written VJPs. A recomputed segment
/// keeps every stage state, slope and linearisation, so the backward step applies Jᵀ without evaluating f again.
/// When the interval is left to the library and the whole run's records fit GradientOptions.RecordBudgetMiB
/// (<see cref="StoredRecords"/>), the run is one segment of C = steps: the forward pass keeps every record (as it
/// always kept the last segment's) and nothing is recomputed.
/// </summary>
internal sealed class SimdGradient : IGradientEstimator
{
    public Backend Backend => Backend.Simd;

    /// <summary>False sends classic RK4 through the tableau's stage loop too (tests compare the two; benchmarks time them).</summary>
    internal bool UnrolledRk4 { get; init; } = true;

    public EnsembleGradients Gradient(GradientPlan plan)
    {
        MethodSupport.Require(plan.Solver, Backend, SolverCapability.Gradient);
        return plan.Precision == Precision.Float32 ? Gradient<float>(plan, Precision.Float32) : Gradient<double>(plan, Precision.Float64);
    }

    private EnsembleGradients Gradient<T>(GradientPlan plan, Precision precision) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new EnsembleGradients(plan.N, plan.Members, plan.Steps, plan.CheckpointInterval, plan.Binding.GradientParameters,
            plan.NormEvery, plan.Dt, Backend, precision);
        int tiles = (plan.Members + Vector<T>.Count - 1) / Vector<T>.Count;
        var parameters = plan.Binding.DeviceParameters.Select(b => SimdParameters<T>.From(b, tiles, plan.Members)).ToArray();
        // Classic RK4 keeps its unrolled step and adjoint; any other tableau goes through the stage loop and its reverse.
        var tableau = plan.IsMap || (UnrolledRk4 && plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4)) ? null : new SimdTableau<T>(plan.Tableau, plan.Dt);
        plan.Binding.BindSimd(parameters, new Runner<T>(plan, result, tiles, tableau));
        return result;
    }

    public void Dispose()
    {
    }

    private sealed class Runner<T>(GradientPlan plan, EnsembleGradients result, int tiles, SimdTableau<T>? tableau) : ISimdFieldSink<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run<TField>(TField field) where TField : struct, ISimdAdjointField<T>
        {
            int expected = plan.Binding.GradientParameters.Sum(b => b.Length);
            if (field.CotangentLength != expected)
                throw new InvalidOperationException(
                    $"model '{plan.Problem.Model.Name}': its tile field reports {field.CotangentLength} parameter cotangents, its gradient parameters have {expected}.");
            int scratch = Math.Max(field.ScratchLength, field.AdjointScratchLength), stages = tableau?.Stages ?? 4;
            // A fixed set of workers, each with one GradientTile taking tiles in turn: Parallel.For's own replicas
            // each allocated one, and with the whole trajectory's records kept a tile's buffers are megabytes, so
            // the number of them must be known to hold the memory to GradientOptions.RecordBudgetMiB.
            int workers = Math.Min(tiles, Environment.ProcessorCount), next = -1;
            var run = plan;
            if (StoredRecords.Fit(plan, workers, GradientTile<T>.RecordLengthOf(plan, stages, field.LinearisationLength), Unsafe.SizeOf<Vector<T>>()))
            {
                run = plan with { CheckpointInterval = (int)plan.Steps };
                result.CheckpointInterval = run.CheckpointInterval;
            }
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
            {
                var work = new GradientTile<T>(run, stages, scratch, field.LinearisationLength, field.CotangentLength, field.OuterDimension);
                for (int tile = Interlocked.Increment(ref next); tile < tiles; tile = Interlocked.Increment(ref next))
                    new TileGradient<T, TField>(run, result, field, work, tile, tableau).Run();
            });
        }
    }
}
