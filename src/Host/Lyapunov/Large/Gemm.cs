using System.Runtime.CompilerServices;

namespace FastAttractors.Lyapunov.Large;

/// <summary>
/// C = A·B or C += A·B for float and double (Goto's scheme): both operands packed into kernel order, the shared
/// dimension cut into blocks of <see cref="DepthBlock"/> so one B micro-panel (DepthBlock × Nr, 16 KiB) stays in L1
/// while every A strip of a task's row block (≤ 96 rows × DepthBlock, ≤ 192 KiB in float64) streams from L2, and the
/// tile grid split into tasks over the cores. C is row-major with row stride ldc.
/// </summary>
internal static class Gemm
{
    public const int DepthBlock = 256;

    /// <summary>Row strips per task: 16 × 6 = 96 rows of A per L2-resident block.</summary>
    private const int RowStripsPerTask = 16;

    /// <summary>Below this many flops a GEMM runs on the calling thread; the fork/join would cost more than it saves.</summary>
    private const double ParallelFlops = 4e6;

    /// <summary>C (a.Rows × b.Cols, row-major, stride ldc, from cOffset) = A·B, or += when <paramref name="accumulate"/>.</summary>
    public static void Multiply<T>(StridedMatrix<T> a, StridedMatrix<T> b, T[] c, int cOffset, int ldc, bool accumulate) where T : unmanaged
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException($"b: A is {a.Rows} × {a.Cols} but B is {b.Rows} × {b.Cols}; inner dimensions differ.", nameof(b));
        Multiply(PackedOperand<T>.PackA(a), PackedOperand<T>.PackB(b), c, cOffset, ldc, accumulate);
    }

    public static void Multiply<T>(PackedOperand<T> a, PackedOperand<T> b, T[] c, int cOffset, int ldc, bool accumulate) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        if (a.Width != GemmKernel.Mr || b.Width != GemmKernel.Nr<T>())
            throw new ArgumentException("a, b: pack A with PackedOperand.PackA and B with PackB.", nameof(a));
        if (a.Depth != b.Depth)
            throw new ArgumentException($"b: A has inner dimension {a.Depth}, B has {b.Depth}.", nameof(b));
        int m = a.Extent, n = b.Extent;
        if (m == 0 || n == 0)
            return;
        if (ldc < n || cOffset < 0 || cOffset + (long)(m - 1) * ldc + n > c.Length)
            throw new ArgumentException($"c: a {m} × {n} result with offset {cOffset} and row stride {ldc} does not fit {c.Length} values.", nameof(c));
        if (a.Depth == 0)
        {
            if (!accumulate)
            {
                for (int i = 0; i < m; i++)
                    c.AsSpan(cOffset + i * ldc, n).Clear();
            }
            return;
        }
        int rowGroups = (a.Strips + RowStripsPerTask - 1) / RowStripsPerTask;
        // Enough column groups for about four tasks per core, so an unlucky (preempted) task does not stall the rest.
        int wantedColumnGroups = Math.Max(1, (4 * Environment.ProcessorCount + rowGroups - 1) / rowGroups);
        int columnStripsPerTask = Math.Max(1, (b.Strips + wantedColumnGroups - 1) / wantedColumnGroups);
        int columnGroups = (b.Strips + columnStripsPerTask - 1) / columnStripsPerTask;
        int tasks = rowGroups * columnGroups;
        var job = new Job<T>(a, b, c, cOffset, ldc, accumulate, columnGroups, columnStripsPerTask);
        if (tasks == 1 || 2.0 * m * n * a.Depth < ParallelFlops)
        {
            for (int t = 0; t < tasks; t++)
                job.RunTask(t);
        }
        else
        {
            Parallel.For(0, tasks, job.RunTask);
        }
    }

    private sealed class Job<T>(PackedOperand<T> a, PackedOperand<T> b, T[] c, int cOffset, int ldc, bool accumulate,
        int columnGroups, int columnStripsPerTask) where T : unmanaged
    {
        public void RunTask(int task)
        {
            int mr = GemmKernel.Mr, nr = GemmKernel.Nr<T>(), depth = a.Depth;
            int s0 = task / columnGroups * RowStripsPerTask, s1 = Math.Min(a.Strips, s0 + RowStripsPerTask);
            int t0 = task % columnGroups * columnStripsPerTask, t1 = Math.Min(b.Strips, t0 + columnStripsPerTask);
            Span<T> tile = stackalloc T[GemmKernel.Mr * 16];
            ref T aData = ref a.Data[0], bData = ref b.Data[0], cData = ref c[0];
            for (int p0 = 0; p0 < depth; p0 += DepthBlock)
            {
                int kc = Math.Min(DepthBlock, depth - p0);
                bool add = accumulate || p0 > 0;
                for (int t = t0; t < t1; t++)
                {
                    ref T bPanel = ref Unsafe.Add(ref bData, (nint)t * nr * depth + (nint)p0 * nr);
                    int cols = Math.Min(nr, b.Extent - t * nr);
                    for (int s = s0; s < s1; s++)
                    {
                        ref T aPanel = ref Unsafe.Add(ref aData, (nint)s * mr * depth + (nint)p0 * mr);
                        int rows = Math.Min(mr, a.Extent - s * mr);
                        int at = cOffset + s * mr * ldc + t * nr;
                        if (rows == mr && cols == nr)
                        {
                            GemmKernel.Run(ref aPanel, ref bPanel, kc, ref Unsafe.Add(ref cData, at), ldc, add);
                            continue;
                        }
                        // Edge tile: run the full kernel on a scratch tile and copy back only the part inside C.
                        tile.Clear();
                        if (add)
                        {
                            for (int r = 0; r < rows; r++)
                                c.AsSpan(at + r * ldc, cols).CopyTo(tile.Slice(r * nr, cols));
                        }
                        GemmKernel.Run(ref aPanel, ref bPanel, kc, ref tile[0], nr, add);
                        for (int r = 0; r < rows; r++)
                            tile.Slice(r * nr, cols).CopyTo(c.AsSpan(at + r * ldc, cols));
                    }
                }
            }
        }
    }
}
