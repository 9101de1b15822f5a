namespace FastAttractors.Lyapunov;

/// <summary>
/// The starting tangent frame Q0 (n × k, column-major), the same for every member and backend: a fixed random
/// orthonormal frame rather than the first k unit vectors, which would miss the leading direction of systems whose
/// invariant subspaces are coordinate-aligned (a diagonal linear flow whose growing direction is e_n, say).
/// </summary>
internal static class InitialTangents
{
    private const ulong Seed = 0x51A7_7E2A_0000_0003;

    public static double[] Create(int n, int k)
    {
        var q = new double[n * k];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < n; i++)
                q[c * n + i] = CounterRandom.Normal(Seed, (ulong)c, (ulong)i);
        }
        var r = new double[k];
        HouseholderQr.Factor(q, n, k, r, new double[n * k + n]);
        return q;
    }
}
