namespace FastAttractors.Lyapunov;

/// <summary>Exponents, standard errors and diagnostics from the block sums: one implementation for every backend.</summary>
internal static class SpectrumDiagnostics
{
    public static LyapunovSpectra Finish(SpectrumAccumulators acc, Backend backend, Precision precision)
    {
        var plan = acc.Plan;
        int k = plan.K, blocks = plan.Blocks;
        var result = new LyapunovSpectra(plan.N, plan.Members, k, blocks, plan.TransientTime, plan.AccumulationTime,
            plan.Dt, plan.Every, backend, precision);
        var blockTime = new double[blocks];
        for (int b = 0; b < blocks; b++)
            blockTime[b] = plan.IntervalsInBlock(b) * plan.IntervalTime;
        Parallel.For(0, plan.Members, () => new Work(k), (m, _, w) =>
        {
            Finish(acc, result, m, blockTime, w);
            return w;
        }, _ => { });
        return result;
    }

    private static void Finish(SpectrumAccumulators acc, LyapunovSpectra result, int m, double[] blockTime, Work w)
    {
        var plan = acc.Plan;
        int k = plan.K, blocks = plan.Blocks;
        result.FailedStep[m] = acc.FailedStep[m];
        var exponents = result.Exponents.AsSpan(m * k, k);
        var errors = result.StandardErrors.AsSpan(m * k, k);
        if (acc.Diverged[m])
        {
            exponents.Fill(double.NaN);
            errors.Fill(double.NaN);
            result.SumRuleResidual[m] = result.Contraction[m] = result.KaplanYorkeDimension[m] = result.PositiveSum[m] = double.NaN;
            result.Status[m] = LyapunovStatus.Diverged;
            return;
        }
        for (int i = 0; i < k; i++)
        {
            double total = 0;
            for (int b = 0; b < blocks; b++)
                total += acc.BlockRow(m, b)[i];
            double mean = total / plan.AccumulationTime;
            double spread = 0;
            for (int b = 0; b < blocks; b++)
            {
                double d = acc.BlockRow(m, b)[i] / blockTime[b] - mean;
                spread += d * d;
            }
            w.Values[i] = mean;
            w.Errors[i] = Math.Sqrt(spread / (blocks - 1) / blocks);
            w.Order[i] = i;
        }
        // Descending, NaN-free (a −∞ exponent of a singular map sorts last).
        Array.Sort(w.Order, (a, b) => w.Values[b].CompareTo(w.Values[a]));
        double positive = 0, sum = 0, maxError = 0;
        for (int i = 0; i < k; i++)
        {
            exponents[i] = w.Values[w.Order[i]];
            errors[i] = w.Errors[w.Order[i]];
            sum += exponents[i];
            if (exponents[i] > 0)
                positive += exponents[i];
            if (!(errors[i] <= maxError))
                maxError = errors[i];
        }
        result.PositiveSum[m] = positive;
        result.KaplanYorkeDimension[m] = KaplanYorke(exponents, plan.N);
        if (plan.FullSpectrum)
        {
            double contraction = acc.ContractionIntegral[m] / plan.AccumulationTime;
            result.Contraction[m] = contraction;
            result.SumRuleResidual[m] = sum - contraction;
        }
        else
        {
            result.Contraction[m] = result.SumRuleResidual[m] = double.NaN;
        }
        result.Status[m] = maxError > plan.Tolerance || double.IsNaN(maxError) ? LyapunovStatus.NotConverged : LyapunovStatus.Ok;
    }

    /// <summary>Kaplan–Yorke dimension of a descending spectrum of k of the n exponents (see <see cref="LyapunovSpectra.KaplanYorkeDimension"/>).</summary>
    public static double KaplanYorke(ReadOnlySpan<double> descending, int n)
    {
        int k = descending.Length;
        double partial = 0;
        for (int j = 0; j < k; j++)
        {
            double next = partial + descending[j];
            if (next < 0)
                return j + partial / Math.Abs(descending[j]);
            partial = next;
        }
        return k == n ? n : double.NaN;
    }

    private sealed class Work(int k)
    {
        public readonly double[] Values = new double[k], Errors = new double[k];
        public readonly int[] Order = new int[k];
    }
}
