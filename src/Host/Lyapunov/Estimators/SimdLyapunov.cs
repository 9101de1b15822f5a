using System.Numerics;
using FastAttractors.Models;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The production CPU path: members in tiles of Vector&lt;T&gt;.Count lanes (as in SimdIntegrator), each tile carrying
/// its state, its n × k tangent frame and one linearisation per stage; tiles spread over cores. Classic RK4 is
/// unrolled; any other tableau runs the same scheme as a stage loop (<see cref="SimdTableau{T}"/>). The tangent step
/// runs column block by column block after the state step (the stage linearisations fix J at each stage, so columns are
/// independent), which keeps the working set to the frame plus one block. QR is modified Gram–Schmidt applied twice in
/// the tile's precision; log |R_ii| go to float64 block sums per member.
/// </summary>
internal sealed class SimdLyapunov : ILyapunovEstimator
{
    public Backend Backend => Backend.Simd;

    private readonly LargeNetworkLyapunov largeNetworks = new();

    /// <summary>Tiles stepped side by side by one worker (see <see cref="TileRun{T, TField}.Run"/>).</summary>
    private const int TilesInFlight = 2;

    /// <summary>False sends classic RK4 through the tableau's stage loop too (tests compare the two; benchmarks time them).</summary>
    internal bool UnrolledRk4 { get; init; } = true;

    /// <summary>False keeps the 2-D tanh flow on the general step (tests compare the two bit for bit).</summary>
    internal bool PlanePath { get; init; } = true;

    /// <summary>
    /// Few large shared networks go to the GEMM path (nothing to spread across lanes; it runs classic RK4 only); ensembles,
    /// and every other method, to tiles.
    /// </summary>
    public LyapunovSpectra Estimate(LyapunovPlan plan)
    {
        MethodSupport.Require(plan.Solver, Backend, SolverCapability.Lyapunov);
        if (LargeNetworkLyapunov.Supports(plan) && plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4))
            return largeNetworks.Estimate(plan);
        return plan.Precision == Precision.Float32
            ? Estimate<float>(plan, Precision.Float32)
            : Estimate<double>(plan, Precision.Float64);
    }

    private LyapunovSpectra Estimate<T>(LyapunovPlan plan, Precision precision) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var acc = new SpectrumAccumulators(plan);
        int tiles = (plan.Members + Vector<T>.Count - 1) / Vector<T>.Count;
        var parameters = plan.Binding.DeviceParameters.Select(b => SimdParameters<T>.From(b, tiles, plan.Members)).ToArray();
        // Classic RK4 keeps its unrolled step (TileRun.Rk4Step); any other tableau goes through the stage loop.
        var tableau = plan.IsMap || (UnrolledRk4 && plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4)) ? null : new SimdTableau<T>(plan.Tableau, plan.Dt);
        plan.Binding.BindSimd(parameters, new Runner<T>(plan, acc, tiles, tableau, PlanePath));
        return SpectrumDiagnostics.Finish(acc, Backend, precision);
    }

    public void Dispose() => largeNetworks.Dispose();

    private sealed class Runner<T>(LyapunovPlan plan, SpectrumAccumulators acc, int tiles, SimdTableau<T>? tableau, bool planePath) : ISimdFieldSink<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run<TField>(TField field) where TField : struct, ISimdAdjointField<T>
        {
            var q0 = plan.InitialTangents();
            int groups = (tiles + TilesInFlight - 1) / TilesInFlight;
            Parallel.For(0, groups, () => Enumerable.Range(0, TilesInFlight)
                    .Select(_ => new LyapunovTile<T>(plan, tableau?.Stages ?? 4, field.ScratchLength, field.LinearisationLength, plan.Binding.CreateReferenceField()))
                    .ToArray(),
                (group, _, work) =>
                {
                    int first = group * TilesInFlight, count = Math.Min(TilesInFlight, tiles - first);
                    var runs = new TileRun<T, TField>[count];
                    for (int g = 0; g < count; g++)
                        runs[g] = new TileRun<T, TField>(plan, acc, field, work[g], first + g, tableau, planePath);
                    TileRun<T, TField>.Run(runs, q0);
                    return work;
                }, _ => { });
        }
    }
}
