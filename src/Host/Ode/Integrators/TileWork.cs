using System.Numerics;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// One worker's tile state (n lane vectors each) and the per-lane failure record. <see cref="Slopes"/> holds one K_s
/// per stage for the tableau-driven step; the unrolled RK4 needs only <see cref="K"/> and allocates none.
/// </summary>
internal sealed class TileWork<T>(int n, int scratch, int stages = 0) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly int Lanes = Vector<T>.Count;
    private readonly T[] lanes = new T[Lanes];
    private readonly long[] failedStep = new long[Lanes];

    public readonly Vector<T>[] X = new Vector<T>[n], K = new Vector<T>[n], Stage = new Vector<T>[n], Acc = new Vector<T>[n];
    public readonly Vector<T>[] Scratch = new Vector<T>[Math.Max(1, scratch)];
    public readonly Vector<T>[][] Slopes = [.. Enumerable.Range(0, stages).Select(_ => new Vector<T>[n])];

    /// <summary>Gathers the tile's members from the SoA ensemble; padding lanes repeat the last member.</summary>
    public void Load(double[] soa, int tile, int members)
    {
        Array.Fill(failedStep, -1);
        for (int i = 0; i < X.Length; i++)
        {
            for (int l = 0; l < Lanes; l++)
                lanes[l] = T.CreateTruncating(soa[(long)i * members + Math.Min(tile * Lanes + l, members - 1)]);
            X[i] = new Vector<T>(lanes);
        }
    }

    public void MarkFailed(Vector<T> failed, long step)
    {
        for (int l = 0; l < Lanes; l++)
        {
            if (failed[l] != T.Zero)
                failedStep[l] = step;
        }
    }

    /// <summary>Writes the real (non-padding) lanes of <paramref name="x"/> into an SoA array at <paramref name="offset"/>.</summary>
    public void Scatter(Vector<T>[] x, double[] target, long offset, int tile, int members)
    {
        int count = Math.Min(Lanes, members - tile * Lanes);
        for (int i = 0; i < x.Length; i++)
        {
            long row = offset + (long)i * members + tile * Lanes;
            for (int l = 0; l < count; l++)
                target[row + l] = double.CreateTruncating(x[i][l]);
        }
    }

    public void Unload(EnsembleSolution solution, int tile)
    {
        Scatter(X, solution.FinalStates, 0, tile, solution.Members);
        int count = Math.Min(Lanes, solution.Members - tile * Lanes);
        for (int l = 0; l < count; l++)
        {
            if (failedStep[l] >= 0)
            {
                solution.Status[tile * Lanes + l] = MemberStatus.NonFinite;
                solution.FailedStep[tile * Lanes + l] = failedStep[l];
            }
        }
    }
}
