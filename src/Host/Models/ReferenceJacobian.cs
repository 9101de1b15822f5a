namespace FastAttractors.Models;

/// <summary>
/// The full Jacobian assembled column by column from Jacobian–vector products, and what the sum rule needs from it:
/// the fallback for models without a hand-written trace or determinant (user models), and an independent check of
/// the hand-written ones in the tests.
/// </summary>
internal static class ReferenceJacobian
{
    /// <summary>J (n × n, row-major) at x.</summary>
    public static double[] Assemble(IReferenceField field, int member, double[] x)
    {
        int n = x.Length;
        var j = new double[n * n];
        Assemble(field, member, x, j, new double[n], new double[n]);
        return j;
    }

    /// <summary>J (n × n, row-major) at x into <paramref name="j"/>, with two work vectors of n: no allocation per call.</summary>
    public static void Assemble(IReferenceField field, int member, double[] x, double[] j, double[] e, double[] column)
    {
        int n = x.Length;
        for (int c = 0; c < n; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            field.Jvp(member, x, e, column);
            for (int r = 0; r < n; r++)
                j[r * n + c] = column[r];
        }
    }

    public static double Trace(double[] j, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += j[i * n + i];
        return sum;
    }

    /// <summary>log |det M| by LU with partial pivoting (M row-major n × n, overwritten); −∞ for a singular M.</summary>
    public static double LogAbsDeterminant(double[] m, int n)
    {
        double logDet = 0;
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r * n + c]) > Math.Abs(m[pivot * n + c]))
                    pivot = r;
            }
            double p = m[pivot * n + c];
            if (p == 0)
                return double.NegativeInfinity;
            if (pivot != c)
            {
                for (int k = 0; k < n; k++)
                    (m[c * n + k], m[pivot * n + k]) = (m[pivot * n + k], m[c * n + k]);
            }
            logDet += Math.Log(Math.Abs(p));
            for (int r = c + 1; r < n; r++)
            {
                double factor = m[r * n + c] / p;
                if (factor == 0)
                    continue;
                for (int k = c; k < n; k++)
                    m[r * n + k] -= factor * m[c * n + k];
            }
        }
        return logDet;
    }

    /// <summary>tr J (flows) or log |det J| (maps) from the assembled Jacobian.</summary>
    public static double Contraction(IReferenceField field, int member, double[] x, DynamicsKind kind)
    {
        var j = Assemble(field, member, x);
        return kind == DynamicsKind.Flow ? Trace(j, x.Length) : LogAbsDeterminant(j, x.Length);
    }

    /// <summary>log(1 − tanh² p) = −2 log cosh p, without the underflow of 1 − tanh² for large |p|.</summary>
    public static double LogSech2(double p)
    {
        double a = Math.Abs(p);
        return -2 * (a + double.LogP1(Math.Exp(-2 * a)) - Math.Log(2));
    }
}
