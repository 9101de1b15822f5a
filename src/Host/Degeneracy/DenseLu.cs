using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace FastAttractors.Degeneracy;

/// <summary>
/// LU factorisation with partial (row) pivoting of a dense n × n matrix, in place, and solves with it. The damped
/// Gauss–Newton systems of the fixed-point search and the least-squares fits of DMD are small (n ≤ a few hundred),
/// so a plain O(n³) factorisation per solve is cheap next to the work that produced the matrices.
/// </summary>
internal sealed class DenseLu
{
    private readonly double[,] lu;
    private readonly int[] pivot;

    private DenseLu(double[,] lu, int[] pivot, bool singular)
    {
        this.lu = lu;
        this.pivot = pivot;
        IsSingular = singular;
    }

    /// <summary>True when a pivot was exactly zero: the solve would divide by zero.</summary>
    public bool IsSingular { get; }

    /// <summary>Factors <paramref name="a"/> (overwritten) as P A = L U.</summary>
    public static DenseLu FactorInPlace(double[,] a)
    {
        int n = a.GetLength(0);
        var pivot = new int[n];
        bool singular = false;
        for (int k = 0; k < n; k++)
        {
            int best = k;
            double bestAbs = Math.Abs(a[k, k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i, k]);
                if (v > bestAbs) { bestAbs = v; best = i; }
            }
            pivot[k] = best;
            if (best != k)
            {
                for (int j = 0; j < n; j++)
                    (a[k, j], a[best, j]) = (a[best, j], a[k, j]);
            }
            if (bestAbs == 0) { singular = true; continue; }
            double inv = 1.0 / a[k, k];
            var pivotRow = Row(a, k).Slice(k + 1);
            for (int i = k + 1; i < n; i++)
            {
                double factor = a[i, k] * inv;
                a[i, k] = factor;
                if (factor == 0) continue;
                var row = Row(a, i).Slice(k + 1);
                // row −= factor · pivot row, vectorised (the O(n³) part of the factorisation)
                TensorPrimitives.MultiplyAdd(pivotRow, -factor, row, row);
            }
        }
        return new DenseLu(a, pivot, singular);
    }

    /// <summary>Row i of a row-major n × n array as a span (double[,] is stored contiguously, row after row).</summary>
    internal static Span<double> Row(double[,] a, int i)
    {
        int n = a.GetLength(1);
        return MemoryMarshal.CreateSpan(ref a[0, 0], a.Length).Slice(i * n, n);
    }

    /// <summary>X = A⁻¹ B for an n × c right-hand side, solved column by column (B is left as it was).</summary>
    public double[,] Solve(double[,] b)
    {
        int n = pivot.Length, columns = b.GetLength(1);
        var x = new double[n, columns];
        var column = new double[n];
        for (int j = 0; j < columns; j++)
        {
            for (int i = 0; i < n; i++) column[i] = b[i, j];
            SolveInPlace(column);
            for (int i = 0; i < n; i++) x[i, j] = column[i];
        }
        return x;
    }

    /// <summary>Solves A x = b in place (b becomes x).</summary>
    public void SolveInPlace(double[] b)
    {
        int n = pivot.Length;
        for (int k = 0; k < n; k++)
        {
            if (pivot[k] != k)
                (b[k], b[pivot[k]]) = (b[pivot[k]], b[k]);
        }
        for (int i = 1; i < n; i++)
        {
            double sum = b[i];
            for (int j = 0; j < i; j++)
                sum -= lu[i, j] * b[j];
            b[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int j = i + 1; j < n; j++)
                sum -= lu[i, j] * b[j];
            b[i] = sum / lu[i, i];
        }
    }
}
