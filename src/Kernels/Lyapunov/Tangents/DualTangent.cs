using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>
/// Tangents for a model that supplies only f (user models): J v is the tangent part of f(x + ε v) in dual numbers,
/// nothing is linearised ahead. Contraction: flow tr J = Σ_c (J e_c)_c; map log |det J| by LU with partial pivoting
/// of J assembled from n products. Work (per member): the model's scratch as dual numbers (2·S values), then one
/// column (flow) or J (map, n² values).
/// </summary>
public readonly struct DualTangent<T, TModel>(TModel model, int map) : ITangentModel<T>
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

/// <summary>Reads x + ε v from two vectors.</summary>
public readonly struct DualIn<T, TX, TV>(TX x, TV v) : IVectorIn<Dual<T>>
    where T : unmanaged, IReal<T>
    where TX : struct, IVectorIn<T>
    where TV : struct, IVectorIn<T>
{
    /// <summary>The point x.</summary>
    public readonly TX X = x;
    /// <summary>The tangent direction v.</summary>
    public readonly TV V = v;
    /// <summary>Component i as x_i + ε v_i.</summary>
    public Dual<T> this[int i] => new(X[i], V[i]);
}

/// <summary>Writes only the tangent part of a dual result (J v); the value f(x) is not needed.</summary>
public readonly struct TangentOut<T, TOut>(TOut target) : IVectorOut<Dual<T>>
    where T : unmanaged, IReal<T>
    where TOut : struct, IVectorOut<T>
{
    /// <summary>The vector that receives the tangent parts.</summary>
    public readonly TOut Target = target;
    /// <summary>Writes the tangent part of <paramref name="value"/> to component i of <see cref="Target"/>.</summary>
    public void Set(int i, Dual<T> value) => Target.Set(i, value.Tangent);
}

/// <summary>Dual-number work stored as two vectors of T (value and tangent parts).</summary>
public readonly struct DualPair<T, TV>(TV value, TV tangent) : IVectorIn<Dual<T>>, IVectorOut<Dual<T>>
    where T : unmanaged, IReal<T>
    where TV : struct, IVectorIn<T>, IVectorOut<T>
{
    /// <summary>The vectors holding the value parts and the tangent parts.</summary>
    public readonly TV Value = value, Tangent = tangent;
    /// <summary>Component i as Value[i] + ε Tangent[i].</summary>
    public Dual<T> this[int i] => new(Value[i], Tangent[i]);

    /// <summary>Writes the value and tangent parts of <paramref name="v"/> to component i.</summary>
    public void Set(int i, Dual<T> v)
    {
        Value.Set(i, v.Value);
        Tangent.Set(i, v.Tangent);
    }
}
