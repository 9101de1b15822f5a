using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// Asks the cache for the next step's record one step ahead. Why: a run whose records are all kept
/// (<see cref="StoredRecords"/>) streams megabytes per tile that no cache holds: the forward pass writes each record
/// once and the backward pass reads it once, in reverse order, and the lines are requested a step (several
/// microseconds of arithmetic) before they are needed. Measured on the 2-core Zen 3 guest (bench `gradient --workload
/// n16`, kept records, four alternated rounds): gradient CPU time median 1,708 ms with it, 1,827 ms without; at n = 64,
/// where the arithmetic per record byte is four times higher, no difference showed above the noise. A prefetch is a
/// hint: it never faults and changes no value, so it cannot change a gradient.
/// </summary>
internal static class RecordPrefetch
{
    private const int CacheLine = 64;

    public static unsafe void Lines<T>(ReadOnlySpan<Vector<T>> record) where T : unmanaged
    {
        if (!Sse.IsSupported)
            return;
        var bytes = MemoryMarshal.AsBytes(record);
        ref byte start = ref MemoryMarshal.GetReference(bytes);
        // The pointer is used at once and only as an address to prefetch, so a GC moving the array meanwhile makes
        // the hint useless, never wrong.
        for (int offset = 0; offset < bytes.Length; offset += CacheLine)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref start, offset)));
    }
}
