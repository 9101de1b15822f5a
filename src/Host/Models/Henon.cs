using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors;

/// <summary>
/// The Hénon map (x, y) ← (1 − a x² + y, b x), written once over a generic number type and a parameter table (a, b),
/// shared or per member: every backend, its tangents, adjoint and parameter derivatives run this F.
/// </summary>
public readonly struct HenonField<T, TTable>(TTable parameters) : IParameterisedModel<HenonField<T, TTable>, T>
    where T : unmanaged, IReal<T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly TTable parameters = parameters;

    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public int ScratchLength => 0;
    /// <inheritdoc/>
    public int ParameterCount => 2;

    /// <inheritdoc/>
    public HenonField<T, TTable> Seeded(int p) => new(parameters.Seeded(p));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        TNum a = parameters.Get<TNum>(0, member), b = parameters.Get<TNum>(1, member);
        TNum x0 = x[0], x1 = x[1];
        y.Set(0, TNum.FromDouble(1.0) - a * x0 * x0 + x1);
        y.Set(1, b * x0);
    }
}

/// <summary>The Hénon map (x, y) ← (1 − a x² + y, b x); (a, b) = (1.4, 0.3) by default.</summary>
public sealed class Henon : WrittenOnceModel
{
    /// <summary>A Hénon map with (a, b) given as a block of 2 values, shared or per member.</summary>
    /// <param name="parameters">(a, b); throws when its length is not 2.</param>
    public Henon(ParameterBlock parameters)
        : base(parameters, 2, "Hénon (a, b)")
    {
    }

    /// <summary>A Hénon map shared by every member.</summary>
    public Henon(double a = 1.4, double b = 0.3)
        : this(ParameterBlock.Shared("a_b", [a, b]))
    {
    }

    /// <inheritdoc/>
    public override string Name => "Henon";
    /// <inheritdoc/>
    public override int Dimension => 2;
    /// <inheritdoc/>
    public override DynamicsKind Kind => DynamicsKind.Map;

    private protected override void Build<T, TTable>(TTable parameters, IFieldVisitor<T> visitor) =>
        visitor.Visit(new HenonField<T, TTable>(parameters));
}
