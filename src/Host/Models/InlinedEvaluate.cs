using System.Reflection;
using FastAttractors.Kernels.Models;

namespace FastAttractors.Models;

/// <summary>
/// Whether a model's <see cref="IModel{T}.Evaluate"/> is marked <c>AggressiveInlining</c>. Simd's register-resident
/// RK4 pays off only when the JIT inlines f into the step: otherwise each stage passes the tile's state to a call by
/// value, which measured up to 2.5× slower than the memory-resident path (bench/RESULTS.md). The JIT never inlines a
/// method over 100 bytes of IL unless it is so marked, and a model's f is rarely shorter, so the mark decides.
/// </summary>
internal static class InlinedEvaluate<TModel, TReal> where TModel : struct, IModel<TReal> where TReal : unmanaged, Kernels.Numerics.IReal<TReal>
{
    /// <summary>Read once per model type by reflection (through the interface map, so explicit implementations count).</summary>
    public static readonly bool IsMarked = typeof(TModel).GetInterfaceMap(typeof(IModel<TReal>)).TargetMethods
        .Where(m => m.Name == nameof(IModel<TReal>.Evaluate) || m.Name.EndsWith("." + nameof(IModel<TReal>.Evaluate), StringComparison.Ordinal))
        .Any(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveInlining) != 0);
}
