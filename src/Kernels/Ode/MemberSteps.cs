using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>
/// The freeze-and-flag rule of the kernels that step a state alone (integration, maps, the adjoint's forward pass; no
/// asserts in kernels): a step that goes non-finite leaves the member at its last finite state, flagged with the step,
/// and the member is not stepped again.
/// </summary>
internal static class MemberSteps
{
    /// <summary>
    /// x ← next when every component of next is finite; otherwise member <paramref name="m"/> gets status
    /// <paramref name="code"/> and failing step <paramref name="step"/>, x keeps its last finite state, and false
    /// tells the kernel to stop stepping it.
    /// </summary>
    public static bool TryCommit<T>(SoaVector<T> x, SoaVector<T> next, int n, ArrayView<int> status, ArrayView<long> failedStep,
        int m, int code, long step) where T : unmanaged, IReal<T>
    {
        bool finite = true;
        for (int i = 0; i < n; i++)
            finite &= T.IsFinite(next[i]);
        if (!finite)
        {
            status[m] = code;
            failedStep[m] = step;
            return false;
        }
        for (int i = 0; i < n; i++)
            x.Set(i, next[i]);
        return true;
    }
}
