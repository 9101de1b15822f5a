using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// y = f(x) and J(x) v for every member by one evaluation in dual numbers: the Jacobian–vector product any
/// model gets from f alone. Scratch holds Dual values (two T each).
/// </summary>
public static class JvpKernel
{
    /// <summary>
    /// Kernel entry: for member <paramref name="member"/> of <paramref name="members"/>, writes y = f(x) and jv = J(x)
    /// v (all SoA, n values per member); <paramref name="scratch"/> holds the model's ScratchLength dual values per
    /// member, SoA.
    /// </summary>
    public static void Run<T, TModel>(
        Index1D member, TModel model, int members,
        ArrayView<T> x, ArrayView<T> v, ArrayView<T> y, ArrayView<T> jv, ArrayView<Dual<T>> scratch)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T>
    {
        int m = member;
        if (m >= members)
            return;
        var input = new DualSoaIn<T>(new SoaVector<T>(x, members, m), new SoaVector<T>(v, members, m));
        var output = new DualSoaOut<T>(new SoaVector<T>(y, members, m), new SoaVector<T>(jv, members, m));
        model.Evaluate<Dual<T>, DualSoaIn<T>, DualSoaOut<T>, SoaVector<Dual<T>>>(
            m, input, output, new SoaVector<Dual<T>>(scratch, members, m));
    }
}
