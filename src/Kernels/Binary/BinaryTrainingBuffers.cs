using ILGPU;

namespace FastAttractors.Kernels.Binary;

/// <summary>
/// Device views of a binary training launch. Patterns are ±1 ints of every network, (b·T + t)·N + k (b global). All
/// other views are per group g (the launch's g-th network), row-major: First = U (M×N) or W (N×N) at g·rows·cols,
/// Second = V (N×M) at g·N·M, HiddenBias at g·M, VisibleBias at g·N, HiddenTargets s (transitions × M ints) at g·Tr·M.
/// Work space, written by the kernel: HiddenFields (M×Tr, F[i·Tr + t]), HiddenCodes (Tr×M, y_t[i] at t·M + i),
/// VisibleFields (N×Tr). Results: GateCounts (MaxEpochs × 2: hidden, visible gates per epoch), Status (epochs run,
/// converged 1/0), Margins (min normalised hidden margin, min normalised visible margin). Group scratch: Tally (2 ints
/// per group) and Minima (group-size doubles per group) hold the group's reductions in global memory, which every
/// backend's barrier orders (ILGPU's OpenCL barrier fences global memory only, so no shared memory is relied on).
/// </summary>
public readonly struct BinaryTrainingBuffers(
    ArrayView<int> patterns,
    ArrayView<int> hiddenTargets,
    ArrayView<double> first,
    ArrayView<double> second,
    ArrayView<double> hiddenBias,
    ArrayView<double> visibleBias,
    ArrayView<double> hiddenFields,
    ArrayView<double> hiddenCodes,
    ArrayView<double> visibleFields,
    ArrayView<int> gateCounts,
    ArrayView<int> status,
    ArrayView<double> margins,
    ArrayView<int> tally,
    ArrayView<double> minima)
{
    /// <summary>
    /// Patterns (±1, all networks), hidden sign targets, gate counts per epoch, (epochs run, converged) per network,
    /// and the per-group tally scratch.
    /// </summary>
    public readonly ArrayView<int> Patterns = patterns, HiddenTargets = hiddenTargets, GateCounts = gateCounts, Status = status, Tally = tally;
    /// <summary>
    /// The learned weights and biases of each network in the launch (see the type's remarks for layouts).
    /// </summary>
    public readonly ArrayView<double> First = first, Second = second, HiddenBias = hiddenBias, VisibleBias = visibleBias;
    /// <summary>
    /// Kernel work space (hidden fields, hidden codes, visible fields), the two normalised minimum margins per network,
    /// and the per-group minima scratch.
    /// </summary>
    public readonly ArrayView<double> HiddenFields = hiddenFields, HiddenCodes = hiddenCodes, VisibleFields = visibleFields, Margins = margins, Minima = minima;
}
