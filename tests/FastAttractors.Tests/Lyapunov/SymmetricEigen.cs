namespace FastAttractors.Tests.Lyapunov;

/// <summary>Eigenvalues of a real symmetric matrix by cyclic Jacobi rotations: an oracle independent of the engine.</summary>
public static class SymmetricEigen
{
    /// <summary>The eigenvalues of the symmetric n × n row-major <paramref name="a"/>, largest first.</summary>
    public static double[] Values(double[] a, int n)
    {
        var s = (double[])a.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                    off += s[p * n + q] * s[p * n + q];
            if (off < 1e-30)
                break;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = s[p * n + q];
                    if (apq == 0)
                        continue;
                    // The rotation that zeroes s_pq (Golub & Van Loan §8.5.2), the smaller root for stability.
                    double theta = (s[q * n + q] - s[p * n + p]) / (2 * apq);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), sn = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double skp = s[k * n + p], skq = s[k * n + q];
                        s[k * n + p] = c * skp - sn * skq;
                        s[k * n + q] = sn * skp + c * skq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double spk = s[p * n + k], sqk = s[q * n + k];
                        s[p * n + k] = c * spk - sn * sqk;
                        s[q * n + k] = sn * spk + c * sqk;
                    }
                }
            }
        }
        return Enumerable.Range(0, n).Select(i => s[i * n + i]).OrderByDescending(v => v).ToArray();
    }
}
