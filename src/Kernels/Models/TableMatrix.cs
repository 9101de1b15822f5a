using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// An n × n matrix stored row-major in a parameter table (row i, column j at i·n + j, per member): the row and column
/// products the network models' f, Jacobian products and adjoint take with their weights, written once. Every sum runs
/// upward from its first term (or from the caller's start value), the order each model's own loop used, so results keep
/// their bits. Inlined: the products sit in per-step loops of the kernels.
/// </summary>
/// <param name="n">The matrix order.</param>
/// <param name="table">The table holding the n·n values.</param>
public readonly struct TableMatrix<T, TTable>(int n, TTable table)
    where T : unmanaged, IReal<T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly int n = n;
    private readonly TTable table = table;

    /// <summary>M_ij of member <paramref name="member"/> as a <typeparamref name="TNum"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TNum At<TNum>(int i, int j, int member) where TNum : unmanaged, IReal<TNum>, ILift<TNum, T> =>
        table.Get<TNum>(i * n + j, member);

    /// <summary>Σ_j M_ij v_j, summed from the j = 0 term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TNum RowTimes<TNum, TV>(int i, int member, TV v)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TV : struct, IVectorIn<TNum>
    {
        var sum = table.Get<TNum>(i * n, member) * v[0];
        for (int j = 1; j < n; j++)
            sum += table.Get<TNum>(i * n + j, member) * v[j];
        return sum;
    }

    /// <summary><paramref name="start"/> + Σ_j M_ij v_j, summed onto the start value (a bias, −x, …) term by term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TNum RowTimes<TNum, TV>(int i, int member, TV v, TNum start)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TV : struct, IVectorIn<TNum>
    {
        var sum = start;
        for (int j = 0; j < n; j++)
            sum += table.Get<TNum>(i * n + j, member) * v[j];
        return sum;
    }

    /// <summary>(Mᵀ a)_j = Σ_i M_ij a_i, summed from zero: the adjoint's transposed product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TNum ColumnTimes<TNum, TA>(int j, int member, TA a)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TA : struct, IVectorIn<TNum>
    {
        var sum = TNum.FromDouble(0.0);
        for (int i = 0; i < n; i++)
            sum += table.Get<TNum>(i * n + j, member) * a[i];
        return sum;
    }

    /// <summary>
    /// Adds g·xᵀ to row <paramref name="i"/> of the matrix's cotangent (M̄_ij += g x_j), held in <paramref name="bar"/>
    /// at the matrix's own offsets: every network model's gradient block starts with its matrix.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddRowCotangent<TBar, TX>(TBar bar, int i, T g, TX x)
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TX : struct, IVectorIn<T>
    {
        for (int j = 0; j < n; j++)
            bar.Set(i * n + j, bar[i * n + j] + (g * x[j]).ToDouble());
    }
}
