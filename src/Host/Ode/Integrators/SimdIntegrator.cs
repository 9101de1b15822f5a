using System.Numerics;
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

    public EnsembleSolution Integrate(RunPlan plan) => plan.Options.Precision == Precision.Float32
        ? Integrate<float>(plan, Precision.Float32)
        : Integrate<double>(plan, Precision.Float64);

    private EnsembleSolution Integrate<T>(RunPlan plan, Precision precision) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var solution = new EnsembleSolution(plan.N, plan.Members, plan.Steps, plan.Dt, plan.RecordEvery, Backend, precision);
        int tiles = (plan.Members + Vector<T>.Count - 1) / Vector<T>.Count;
        var parameters = plan.Binding.DeviceParameters.Select(b => SimdParameters<T>.From(b, tiles, plan.Members)).ToArray();
        plan.Binding.BindSimd(parameters, new Runner<T>(plan, solution, tiles));
        return solution;
    }

    public void Dispose()
    {
    }

    private sealed class Runner<T>(RunPlan plan, EnsembleSolution solution, int tiles) : ISimdFieldSink<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Run<TField>(TField field) where TField : struct, ISimdField<T>
        {
            int n = plan.N;
            Parallel.For(0, tiles, () => new TileWork<T>(n, field.ScratchLength), (tile, _, w) =>
            {
                IntegrateTile(field, tile, w);
                return w;
            }, _ => { });
        }

        private void IntegrateTile<TField>(TField field, int tile, TileWork<T> w) where TField : struct, ISimdField<T>
        {
            int n = plan.N;
            w.Load(plan.Problem.InitialStates, tile, plan.Members);
            var frozen = Vector<T>.Zero;
            Store(w.X, tile, 0, frozen, w);
            T dt = T.CreateTruncating(plan.Dt), half = dt / T.CreateTruncating(2), third = dt / T.CreateTruncating(3), sixth = dt / T.CreateTruncating(6);
            var x = w.X.AsSpan();
            var next = w.Acc.AsSpan();
            for (long step = 0; step < plan.Steps; step++)
            {
                if (plan.IsMap)
                    field.Evaluate(tile, x, next, w.Scratch);
                else
                    Rk4Step(field, tile, w, dt, half, third, sixth);
                var finite = Vector<T>.AllBitsSet;
                for (int i = 0; i < n; i++)
                    finite &= SimdMath.FiniteMask(next[i]);
                var failed = ~finite & ~frozen;
                if (failed != Vector<T>.Zero)
                    w.MarkFailed(failed, step);
                frozen |= ~finite;
                for (int i = 0; i < n; i++)
                    x[i] = Vector.ConditionalSelect(frozen, x[i], next[i]);
                if (plan.RecordEvery is { } every && (step + 1) % every == 0)
                    Store(w.X, tile, (step + 1) / every, frozen, w);
            }
            w.Unload(solution, tile);
        }

        private static void Rk4Step<TField>(TField field, int tile, TileWork<T> w, T dt, T half, T third, T sixth) where TField : struct, ISimdField<T>
        {
            var x = w.X.AsSpan();
            var k = w.K.AsSpan();
            var stage = w.Stage.AsSpan();
            var acc = w.Acc.AsSpan();
            Vector<T> vDt = new(dt), vHalf = new(half), vThird = new(third), vSixth = new(sixth);
            field.Evaluate(tile, x, k, w.Scratch);
            for (int i = 0; i < x.Length; i++)
            {
                acc[i] = SimdMath.Fma(vSixth, k[i], x[i]);
                stage[i] = SimdMath.Fma(vHalf, k[i], x[i]);
            }
            field.Evaluate(tile, stage, k, w.Scratch);
            for (int i = 0; i < x.Length; i++)
            {
                acc[i] = SimdMath.Fma(vThird, k[i], acc[i]);
                stage[i] = SimdMath.Fma(vHalf, k[i], x[i]);
            }
            field.Evaluate(tile, stage, k, w.Scratch);
            for (int i = 0; i < x.Length; i++)
            {
                acc[i] = SimdMath.Fma(vThird, k[i], acc[i]);
                stage[i] = SimdMath.Fma(vDt, k[i], x[i]);
            }
            field.Evaluate(tile, stage, k, w.Scratch);
            for (int i = 0; i < x.Length; i++)
                acc[i] = SimdMath.Fma(vSixth, k[i], acc[i]);
        }

        private void Store(Vector<T>[] x, int tile, long frame, Vector<T> frozen, TileWork<T> w)
        {
            if (solution.Trajectory is null)
                return;
            w.Scatter(x, solution.Trajectory, frame * plan.N * (long)plan.Members, tile, plan.Members);
        }
    }
}
