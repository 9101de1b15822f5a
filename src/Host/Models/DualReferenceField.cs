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

    public double Contraction(int member, double[] xIn) => ReferenceJacobian.Contraction(this, member, xIn, kind);

    public void Vjp(int member, double[] xIn, double[] a, double[] result)
    {
        int n = xIn.Length;
        var j = ReferenceJacobian.Assemble(this, member, xIn);
        for (int c = 0; c < n; c++)
        {
            double sum = 0;
            for (int r = 0; r < n; r++)
                sum += j[r * n + c] * a[r];
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
