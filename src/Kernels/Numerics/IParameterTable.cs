namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// A model's parameter block as one backend stores it, read by the model in whatever number type it is evaluated in.
/// The model is written once against this interface; each backend hands it its own table: a <see cref="ParamView{T}"/>
/// inside a kernel thread (<see cref="KernelParameters{T}"/>), lane vectors of a member tile on the Simd path, the
/// user's float64 values on the Reference path. <typeparamref name="T"/> is the type the table stores (a scalar, or a
/// lane vector on Simd), lifted into the evaluation type on read.
/// </summary>
/// <typeparam name="TSelf">The table type itself, so <see cref="Seeded"/> returns it without boxing.</typeparam>
/// <typeparam name="T">The stored value type.</typeparam>
public interface IParameterTable<TSelf, T>
    where TSelf : struct, IParameterTable<TSelf, T>
    where T : unmanaged
{
    /// <summary>Parameter <paramref name="p"/> of member <paramref name="member"/> as a <typeparamref name="TNum"/>.</summary>
    TNum Get<TNum>(int p, int member) where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>;

    /// <summary>
    /// This table with parameter <paramref name="p"/> as the variable of a forward derivative (see
    /// <see cref="IReal{TSelf}.Variable"/>); −1 for none. Evaluating f in dual numbers through the seeded table gives
    /// ∂f/∂θ_p.
    /// </summary>
    TSelf Seeded(int p);
}

/// <summary>A <see cref="ParamView{T}"/> read from a kernel thread (also the IlgpuCpu backend's table).</summary>
/// <param name="view">The block, shared or per member.</param>
/// <param name="seed">The seeded parameter, −1 for none.</param>
public readonly struct KernelParameters<T>(ParamView<T> view, int seed = -1) : IParameterTable<KernelParameters<T>, T>
    where T : unmanaged
{
    private readonly ParamView<T> view = view;
    private readonly int seed = seed;

    /// <inheritdoc/>
    public TNum Get<TNum>(int p, int member) where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
    {
        var value = TNum.Lift(view.Get(p, member));
        return p == seed ? TNum.Variable(value) : value;
    }

    /// <inheritdoc/>
    public KernelParameters<T> Seeded(int p) => new(view, p);
}
