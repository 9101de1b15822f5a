using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// The derivatives of a model that supplies only f (user models), from dual numbers. Tangents: J v is the tangent
/// part of f(x + ε v), nothing is linearised ahead. Contraction: flow tr J = Σ_c (J e_c)_c; map log |det J| by LU with partial pivoting
/// of J assembled from n products. Work (per member): the model's scratch as dual numbers (2·S values), then one
/// column (flow) or J (map, n² values).
/// </summary>
public readonly struct DualDerivatives<T, TModel>(TModel model, int map) : ITangentModel<T>, IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TModel : struct, IModel<T>
{
    private readonly TModel model = model;
    private readonly int map = map;

    /// <inheritdoc/>
    public int Dimension => model.Dimension;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int LinearisationLength => 2 * model.ScratchLength + (map != 0 ? model.Dimension * model.Dimension : model.Dimension);

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum> =>
        model.Evaluate<TNum, TIn, TOut, TScratch>(member, x, y, scratch);

    /// <inheritdoc/>
    public void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
    }

    /// <inheritdoc/>
    public void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
    {
        int s = model.ScratchLength;
        var scratch = new DualPair<T, OffsetVector<T, TLin>>(new(lin, 0), new(lin, s));
        model.Evaluate<Dual<T>, DualIn<T, TX, TV>, TangentOut<T, TOut>, DualPair<T, OffsetVector<T, TLin>>>(
            member, new(x, v), new(jv), scratch);
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        int n = model.Dimension, offset = 2 * model.ScratchLength;
        if (map == 0)
        {
            double trace = 0;
            var column = new OffsetVector<T, TLin>(lin, offset);
            for (int c = 0; c < n; c++)
            {
                Jvp(member, x, lin, new UnitVector<T>(c), column);
                trace += column[c].ToDouble();
            }
            return trace;
        }
        // J column-major at offset: (r, c) at offset + c·n + r.
        for (int c = 0; c < n; c++)
            Jvp(member, x, lin, new UnitVector<T>(c), new OffsetVector<T, TLin>(lin, offset + c * n));
        return LogAbsDeterminant(new OffsetVector<T, TLin>(lin, offset), n);
    }

    // Adjoint: (Jᵀ a)_c = (J e_c) · a with J e_c the tangent part of f(x + ε e_c), n products per VJP (the reference
    // assembles J the same way). No parameters. Work: the model's scratch as dual numbers (2·S values), then one column (n).

    /// <inheritdoc/>
    public int AdjointWorkLength => 2 * model.ScratchLength + model.Dimension;
    /// <inheritdoc/>
    public int ParameterLength => 0;

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int c = 0; c < model.Dimension; c++)
            result.Set(c, TangentDot(model, member, x, c, a, work));
    }

    /// <summary>
    /// a · (tangent of f(x + ε e_c)) for <paramref name="evaluated"/> (the model, or the model with a parameter seeded
    /// and c = −1 for a zero tangent on x), the sum in row order; work: the dual scratch (2·S values), then one column (n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T TangentDot<TM, TX, TA, TWork>(TM evaluated, int member, TX x, int c, TA a, TWork work)
        where TM : struct, IModel<T>
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        int n = evaluated.Dimension, s = evaluated.ScratchLength;
        var scratch = new DualPair<T, OffsetVector<T, TWork>>(new(work, 0), new(work, s));
        var column = new OffsetVector<T, TWork>(work, 2 * s);
        evaluated.Evaluate<Dual<T>, DualIn<T, TX, UnitVector<T>>, TangentOut<T, OffsetVector<T, TWork>>, DualPair<T, OffsetVector<T, TWork>>>(
            member, new(x, new UnitVector<T>(c)), new(column), scratch);
        var sum = T.FromDouble(0.0);
        for (int r = 0; r < n; r++)
            sum += column[r] * a[r];
        return sum;
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
    }

    /// <summary>Σ log |pivot| of Gaussian elimination with partial pivoting (column-major, overwritten); −∞ if singular.</summary>
    private static double LogAbsDeterminant<TM>(TM m, int n) where TM : struct, IVectorIn<T>, IVectorOut<T>
    {
        double logDet = 0;
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[c * n + r].ToDouble()) > Math.Abs(m[c * n + pivot].ToDouble()))
                    pivot = r;
            }
            var p = m[c * n + pivot];
            if (p.ToDouble() == 0.0)
                return double.NegativeInfinity;
            if (pivot != c)
            {
                for (int k = c; k < n; k++)
                {
                    var t = m[k * n + c];
                    m.Set(k * n + c, m[k * n + pivot]);
                    m.Set(k * n + pivot, t);
                }
            }
            logDet += Math.Log(Math.Abs(p.ToDouble()));
            for (int r = c + 1; r < n; r++)
            {
                var factor = m[c * n + r] / p;
                for (int k = c + 1; k < n; k++)
                    m.Set(k * n + r, m[k * n + r] - factor * m[k * n + c]);
            }
        }
        return logDet;
    }
}

