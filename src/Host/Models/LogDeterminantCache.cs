namespace FastAttractors.Models;

/// <summary>
/// log |det M| of a square parameter block, per member, computed once on first use: a map's log |det J| has this
/// state-independent part (Linear maps: all of it; TanhOfLinear maps: log |det W|), and the Simd path asks for it lane
/// by lane, so members alternate from call to call and a one-entry cache would redo an O(n³) LU on every step.
/// </summary>
internal sealed class LogDeterminantCache(ParameterBlock matrix, int n)
{
    private readonly double[] values = CreateSlots(matrix);

    public double Get(int member)
    {
        int slot = matrix.PerMember ? member : 0;
        if (double.IsNaN(values[slot]))
            values[slot] = Compute(matrix, n, slot);
        return values[slot];
    }

    /// <summary>log |det M| of member <paramref name="member"/>'s matrix (row-major n × n) by LU in float64.</summary>
    public static double Compute(ParameterBlock matrix, int n, int member)
    {
        var a = new double[n * n];
        for (int p = 0; p < n * n; p++)
            a[p] = matrix.Get(p, member);
        return ReferenceJacobian.LogAbsDeterminant(a, n);
    }

    private static double[] CreateSlots(ParameterBlock matrix)
    {
        var slots = new double[matrix.PerMember ? matrix.Members : 1];
        Array.Fill(slots, double.NaN);
        return slots;
    }
}
