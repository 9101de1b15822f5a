using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Models;

/// <summary>
/// The Reference path of a model that supplies only f: f in float64, J v as the tangent of f(x + ε v) in dual
/// numbers, Jᵀa from J assembled column by column, and the contraction from that J. User models and the built-ins
/// written once share it; the latter add their parameter derivatives (<see cref="ParameterisedReferenceField{TField}"/>).
/// One instance per worker thread: it holds work arrays.
/// </summary>
internal class DualReferenceField<TField>(TField model, DynamicsKind kind) : IReferenceField where TField : struct, IModel<Real64>
{
    private readonly Real64[] x = new Real64[model.Dimension];
    private readonly Real64[] y = new Real64[model.Dimension];
    private readonly Real64[] scratch = new Real64[Math.Max(1, model.ScratchLength)];
    private readonly Dual<Real64>[] dx = new Dual<Real64>[model.Dimension];
    private readonly Dual<Real64>[] dy = new Dual<Real64>[model.Dimension];
    private readonly Dual<Real64>[] dScratch = new Dual<Real64>[Math.Max(1, model.ScratchLength)];

    protected TField Field => model;

    public void Evaluate(int member, double[] xIn, double[] yOut)
    {
        for (int i = 0; i < xIn.Length; i++)
            x[i] = new Real64(xIn[i]);
        model.Evaluate<Real64, ArrayVector<Real64>, ArrayVector<Real64>, ArrayVector<Real64>>(member, new(x, 0), new(y, 0), new(scratch, 0));
        for (int i = 0; i < yOut.Length; i++)
            yOut[i] = y[i].Value;
    }

    public void Jvp(int member, double[] xIn, double[] v, double[] jv) => TangentOf(model, member, xIn, v, jv);

    // Work for the Jacobian: the adjoint calls Vjp and Contraction every stage of every step, so nothing is allocated per call.
    private readonly double[] jacobian = new double[model.Dimension * model.Dimension];
    private readonly double[] unit = new double[model.Dimension];
    private readonly double[] column = new double[model.Dimension];

    public virtual double Contraction(int member, double[] xIn)
    {
        int n = xIn.Length;
        ReferenceJacobian.Assemble(this, member, xIn, jacobian, unit, column);
        return kind == DynamicsKind.Flow ? ReferenceJacobian.Trace(jacobian, n) : ReferenceJacobian.LogAbsDeterminant(jacobian, n);
    }

    /// <summary>(Jᵀa)_c = (J e_c) · a, one dual evaluation per column.</summary>
    public void Vjp(int member, double[] xIn, double[] a, double[] result)
    {
        int n = xIn.Length;
        for (int c = 0; c < n; c++)
        {
            Array.Clear(unit);
            unit[c] = 1;
            TangentOf(model, member, xIn, unit, column);
            double sum = 0;
            for (int r = 0; r < n; r++)
                sum += column[r] * a[r];
            result[c] = sum;
        }
    }

    /// <summary>User models carry their constants inside the functor: nothing to differentiate.</summary>
    public virtual void AddParameterCotangent(int member, double[] xIn, double[] a, double[][] cotangents)
    {
    }

    /// <summary>The tangent part of <paramref name="model"/>(x + ε v): J v, or ∂f/∂θ for a seeded model and v = 0.</summary>
    protected void TangentOf<TModel>(TModel model, int member, double[] xIn, double[]? v, double[] tangent) where TModel : struct, IModel<Real64>
    {
        for (int i = 0; i < xIn.Length; i++)
            dx[i] = new Dual<Real64>(new Real64(xIn[i]), new Real64(v is null ? 0.0 : v[i]));
        model.Evaluate<Dual<Real64>, ArrayVector<Dual<Real64>>, ArrayVector<Dual<Real64>>, ArrayVector<Dual<Real64>>>(
            member, new(dx, 0), new(dy, 0), new(dScratch, 0));
        for (int i = 0; i < tangent.Length; i++)
            tangent[i] = dy[i].Tangent.Value;
    }
}

/// <summary>
/// The Reference path of a built-in written once: as <see cref="DualReferenceField{TField}"/>, plus
/// (∂f/∂θ_p)ᵀa as the tangent of f with parameter p seeded, into gradient block 0.
/// </summary>
internal sealed class ParameterisedReferenceField<TField>(TField model, DynamicsKind kind) : DualReferenceField<TField>(model, kind)
    where TField : struct, IParameterisedModel<TField, Real64>
{
    private readonly double[] column = new double[model.Dimension];

    public override void AddParameterCotangent(int member, double[] xIn, double[] a, double[][] cotangents)
    {
        for (int p = 0; p < Field.ParameterCount; p++)
        {
            TangentOf(Field.Seeded(p), member, xIn, null, column);
            double sum = 0;
            for (int r = 0; r < column.Length; r++)
                sum += column[r] * a[r];
            cotangents[0][p] += sum;
        }
    }
}

/// <summary>
/// The Reference path of a hand-written network model: its kernel struct evaluated in float64 over the user's values,
/// with J v and Jᵀa from dual numbers over that f (so the struct's tuned tangent and Jᵀa products are checked against
/// an independent derivative wherever a backend is compared with Reference). The contraction and the parameter
/// cotangents come from the struct's own products: its contraction sums log sech² without forming 1 − tanh², which dual
/// numbers would round to a relative error of 1e-8 where |W x| ≈ 10, and a map's constant log |det M| is added here
/// once per member, as the kernels' host adds it; P = n² + … parameters would cost P dual evaluations.
/// </summary>
internal sealed class StructReferenceField<TModel>(TModel model, DynamicsKind kind, ParameterBlock? mapMatrix = null)
    : DualReferenceField<TModel>(model, kind)
    where TModel : struct, ITangentModel<Real64>, IAdjointModel<Real64>
{
    private readonly Real64[] point = new Real64[model.Dimension];
    private readonly Real64[] cotangent = new Real64[model.Dimension];
    private readonly Real64[] work = new Real64[Math.Max(1, Math.Max(model.AdjointWorkLength, model.LinearisationLength))];
    private readonly double[] bar = new double[Math.Max(1, model.ParameterLength)];
    private readonly LogDeterminantCache? logDet = mapMatrix is null ? null : new(mapMatrix, model.Dimension);

    public override double Contraction(int member, double[] xIn)
    {
        for (int i = 0; i < xIn.Length; i++)
            point[i] = new Real64(xIn[i]);
        var x = new ArrayVector<Real64>(point, 0);
        var lin = new ArrayVector<Real64>(work, 0);
        Field.Linearise(member, x, lin);
        return Field.Contraction(member, x, lin) + (logDet?.Get(member) ?? 0.0);
    }

    public override void AddParameterCotangent(int member, double[] xIn, double[] a, double[][] cotangents)
    {
        for (int i = 0; i < xIn.Length; i++)
        {
            point[i] = new Real64(xIn[i]);
            cotangent[i] = new Real64(a[i]);
        }
        Array.Clear(bar);
        Field.AddParameterCotangent<ArrayVector<Real64>, ArrayVector<Real64>, ArrayVector<double>, ArrayVector<Real64>>(
            member, new(point, 0), new(cotangent, 0), new(bar, 0), new(work, 0));
        int offset = 0;
        foreach (var block in cotangents)
        {
            for (int p = 0; p < block.Length; p++)
                block[p] += bar[offset + p];
            offset += block.Length;
        }
    }
}
