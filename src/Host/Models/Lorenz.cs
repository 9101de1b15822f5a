using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors;

/// <summary>
/// The Lorenz system ẋ = σ (y − x), ẏ = x (ρ − z) − y, ż = x y − β z, written once over a generic number type and a
/// parameter table (σ, ρ, β), shared or per member: every backend, its tangents, adjoint and parameter derivatives
/// run this f (the latter through dual numbers).
/// </summary>
public readonly struct LorenzField<T, TTable>(TTable parameters) : IParameterisedModel<LorenzField<T, TTable>, T>
    where T : unmanaged, IReal<T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly TTable parameters = parameters;

    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public int ScratchLength => 0;
    /// <inheritdoc/>
    public int ParameterCount => 3;

    /// <inheritdoc/>
    public LorenzField<T, TTable> Seeded(int p) => new(parameters.Seeded(p));

    /// <inheritdoc/>
    // Inlined so that Simd's register-resident RK4 keeps a tile's state in registers through f (docs/how-to/add-a-model.md).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        TNum sigma = parameters.Get<TNum>(0, member), rho = parameters.Get<TNum>(1, member), beta = parameters.Get<TNum>(2, member);
        TNum x0 = x[0], x1 = x[1], x2 = x[2];
        y.Set(0, sigma * (x1 - x0));
        y.Set(1, x0 * (rho - x2) - x1);
        y.Set(2, x0 * x1 - beta * x2);
    }
}

/// <summary>The Lorenz system; parameters (σ, ρ, β), textbook (10, 28, 8/3) by default.</summary>
public sealed class Lorenz : WrittenOnceModel
{
    /// <summary>A Lorenz system with (σ, ρ, β) given as a block of 3 values, shared or per member.</summary>
    /// <param name="parameters">(σ, ρ, β); throws when its length is not 3.</param>
    public Lorenz(ParameterBlock parameters)
        : base(parameters, 3, "Lorenz (σ, ρ, β)")
    {
    }

    /// <summary>A Lorenz system shared by every member.</summary>
    public Lorenz(double sigma = 10.0, double rho = 28.0, double beta = 8.0 / 3.0)
        : this(ParameterBlock.Shared("sigma_rho_beta", [sigma, rho, beta]))
    {
    }

    /// <inheritdoc/>
    public override string Name => "Lorenz";
    /// <inheritdoc/>
    public override int Dimension => 3;
    /// <inheritdoc/>
    public override DynamicsKind Kind => DynamicsKind.Flow;

    /// <summary>The W5 ensemble: σ = 10, β = 8/3 and ρ = linspace(ρ0, ρ1, members).</summary>
    public static Lorenz RhoSweep(int members, double rhoStart = 0.0, double rhoEnd = 21.0)
    {
        if (members < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        var rows = new double[members][];
        for (int m = 0; m < members; m++)
        {
            double rho = members == 1 ? rhoStart : rhoStart + (rhoEnd - rhoStart) * m / (members - 1);
            rows[m] = [10.0, rho, 8.0 / 3.0];
        }
        return new Lorenz(ParameterBlock.PerMemberRows("sigma_rho_beta", rows));
    }

    private protected override void Build<T, TTable>(TTable parameters, IFieldVisitor<T> visitor) =>
        visitor.Visit(new LorenzField<T, TTable>(parameters));
}
