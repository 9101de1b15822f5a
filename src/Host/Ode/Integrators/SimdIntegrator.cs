using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Models;
using FastAttractors.Simd;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// The production CPU path: members in tiles of Vector&lt;T&gt;.Count lanes, parameters in AoSoA tiles, each tile
/// integrated for all its steps before the next (its parameters stay in cache), tiles spread over cores.
/// Lanes that go non-finite are frozen by a mask; the other lanes of the tile are unaffected.
/// </summary>
internal sealed class SimdIntegrator : IEnsembleIntegrator
{
    public Backend Backend => Backend.Simd;

    /// <summary>False sends classic RK4 through the generic stage loop too (tests compare the two; benchmarks time them).</summary>
    internal bool UnrolledRk4 { get; init; } = true;

    /// <summary>
    /// Tiles a worker steps side by side on the register path (<see cref="RegisterRk4Runner{T}"/>): four beat two and
    /// one for user Lorenz in both precisions on a Zen 3 core although four tiles spill (bench/RESULTS.md).
    /// </summary>
    internal const int RegisterTilesInLockstep = 4;

    public EnsembleSolution Integrate(RunPlan plan) => plan.Options.Precision == Precision.Float32
        ? Integrate<float>(plan, Precision.Float32)
        : Integrate<double>(plan, Precision.Float64);

    private EnsembleSolution Integrate<T>(RunPlan plan, Precision precision) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var solution = new EnsembleSolution(plan.N, plan.Members, plan.Steps, plan.Dt, plan.RecordEvery, Backend, precision);
        int tiles = (plan.Members + Vector<T>.Count - 1) / Vector<T>.Count;
        var parameters = plan.Binding.DeviceParameters.Select(b => SimdParameters<T>.From(b, tiles, plan.Members)).ToArray();
        // Classic RK4 keeps its unrolled step (see Rk4Step); any other tableau goes through the generic stage loop.
        var tableau = plan.IsMap || (UnrolledRk4 && plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4)) ? null : new SimdTableau<T>(plan.Tableau, plan.Dt);
        int group = TilesInLockstep(plan.N, parameters, tableau?.Stages ?? 0);
        plan.Binding.BindSimd(parameters, new Runner<T>(plan, solution, tiles, group, tableau));
        return solution;
    }

    /// <summary>
    /// How many tiles one worker steps side by side. A small system (Lorenz: n = 3) is one short dependent chain per
    /// RK4 stage, so a lone tile leaves the FMA pipes waiting on latency; stepping several independent tiles in
    /// lockstep lets the out-of-order core overlap them. Large tiles (W1: 8 KB of W each) stay alone so that their
    /// parameters keep to L1.
    /// </summary>
    internal static int TilesInLockstep<T>(int n, SimdParameters<T>[] parameters, int slopes = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int budgetBytes = 12 * 1024, maxGroup = 8;
        int vectorBytes = Vector<T>.Count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        long perTile = (5L + slopes) * n * vectorBytes; // x, k, stage, acc, scratch and the generic step's slopes
        foreach (var p in parameters)
            perTile += (long)p.TileStride * vectorBytes;
        return (int)Math.Clamp(budgetBytes / perTile, 1, maxGroup);
    }

    public void Dispose()
    {
    }

    private sealed class Runner<T>(RunPlan plan, EnsembleSolution solution, int tiles, int group, SimdTableau<T>? tableau) : ISimdFieldSink<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run<TField>(TField field) where TField : struct, ISimdAdjointField<T>
        {
            int n = plan.N;
            // A small generic model under classic RK4 is stepped with its tile state in registers: same bits, fewer
            // trips through memory per stage (bench/RESULTS.md).
            if (!plan.IsMap && tableau is null && field is IRegisterModelSource<T> { RegisterResident: true } source &&
                RegisterRk4Runner<T>.Fits(n, field.ScratchLength))
            {
                source.Accept(new RegisterRk4Runner<T>(plan, solution, tiles, RegisterTilesInLockstep, TinyFlush<T>.AppliesTo<TField>()) { Group = source.TilesInLockstep });
                return;
            }
            int groups = (tiles + group - 1) / group;
            Parallel.For(0, groups, () => Enumerable.Range(0, group).Select(_ => new TileWork<T>(n, field.ScratchLength, tableau?.Stages ?? 0)).ToArray(), (g, _, work) =>
            {
                int first = g * group, count = Math.Min(group, tiles - first);
                IntegrateTiles(field, first, work.AsSpan(0, count));
                return work;
            }, _ => { });
        }

        private void IntegrateTiles<TField>(TField field, int firstTile, Span<TileWork<T>> work) where TField : struct, ISimdField<T>
        {
            int n = plan.N;
            Span<Vector<T>> frozen = stackalloc Vector<T>[work.Length];
            frozen.Clear();
            for (int t = 0; t < work.Length; t++)
            {
                work[t].Load(plan.Problem.InitialStates, firstTile + t, plan.Members);
                Store(work[t].X, firstTile + t, 0, work[t]);
            }
            T dt = T.CreateTruncating(plan.Dt), half = dt / T.CreateTruncating(2), third = dt / T.CreateTruncating(3), sixth = dt / T.CreateTruncating(6);
            bool isMap = plan.IsMap;
            int every = plan.RecordEvery ?? 0;
            for (long step = 0; step < plan.Steps; step++)
            {
                for (int t = 0; t < work.Length; t++)
                {
                    var w = work[t];
                    var x = w.X.AsSpan(0, n);
                    var next = w.Acc.AsSpan(0, n);
                    if (isMap)
                        field.Evaluate(firstTile + t, x, next, w.Scratch);
                    else if (tableau is not null)
                        SimdRkStep.Step(field, firstTile + t, w, tableau);
                    else
                        Rk4Step(field, firstTile + t, w, dt, half, third, sixth);
                    var finite = Vector<T>.AllBitsSet;
                    for (int i = 0; i < n; i++)
                        finite &= SimdMath.FiniteMask(next[i]);
                    var failed = ~finite & ~frozen[t];
                    if (failed != Vector<T>.Zero)
                        w.MarkFailed(failed, step);
                    frozen[t] |= ~finite;
                    for (int i = 0; i < n; i++)
                        x[i] = Vector.ConditionalSelect(frozen[t], x[i], TinyFlush<T>.AppliesTo<TField>() ? TinyFlush<T>.Apply(next[i]) : next[i]);
                }
                if (every > 0 && (step + 1) % every == 0)
                {
                    for (int t = 0; t < work.Length; t++)
                        Store(work[t].X, firstTile + t, (step + 1) / every, work[t]);
                }
            }
            for (int t = 0; t < work.Length; t++)
                work[t].Unload(solution, firstTile + t);
        }

        /// <summary>
        /// Classic RK4 unrolled: one slope buffer, the step accumulated as the stages go. It gives the same bits as
        /// <see cref="SimdRkStep"/> on RK4's tableau (a test checks); it stays for speed (see bench/RESULTS.md).
        /// </summary>
        private static void Rk4Step<TField>(TField field, int tile, TileWork<T> w, T dt, T half, T third, T sixth) where TField : struct, ISimdField<T>
        {
            var x = w.X.AsSpan();
            var k = w.K.AsSpan();
            var stage = w.Stage.AsSpan();
            var acc = w.Acc.AsSpan();
            Vector<T> vDt = new(dt), vHalf = new(half), vThird = new(third), vSixth = new(sixth);
            field.Evaluate(tile, x, k, w.Scratch);
            Advance(x, k, vSixth, x, acc, vHalf, stage);
            field.Evaluate(tile, stage, k, w.Scratch);
            Advance(acc, k, vThird, x, acc, vHalf, stage);
            field.Evaluate(tile, stage, k, w.Scratch);
            Advance(acc, k, vThird, x, acc, vDt, stage);
            field.Evaluate(tile, stage, k, w.Scratch);
            for (int i = 0; i < x.Length; i++)
                acc[i] = SimdMath.Fma(vSixth, k[i], acc[i]);
        }

        /// <summary>
        /// After a stage's slope k: acc = sum + b·k (sum is x at the first stage, acc after it) and the next stage's
        /// point stage = x + a·k. Inlined, so each stage is the one fused loop it was when written out.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Advance(ReadOnlySpan<Vector<T>> sum, ReadOnlySpan<Vector<T>> k, Vector<T> b, ReadOnlySpan<Vector<T>> x,
            Span<Vector<T>> acc, Vector<T> a, Span<Vector<T>> stage)
        {
            for (int i = 0; i < x.Length; i++)
            {
                acc[i] = SimdMath.Fma(b, k[i], sum[i]);
                stage[i] = SimdMath.Fma(a, k[i], x[i]);
            }
        }

        private void Store(Vector<T>[] x, int tile, long frame, TileWork<T> w)
        {
            if (solution.Trajectory is null)
                return;
            w.Scatter(x, solution.Trajectory, frame * plan.N * (long)plan.Members, tile, plan.Members);
        }
    }
}
