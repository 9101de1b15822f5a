namespace FastAttractors;

/// <summary>
/// Per noise level σ: the distribution of λ1 over the members (median and quartiles) and of the number of exponents
/// with |λ| below a threshold (the zero exponents, counted among the k computed), from the spectra of a
/// <see cref="WeightNoiseEnsemble"/>. Diverged members are left out of the statistics and counted.
/// </summary>
public sealed record SigmaStatistics(
    double Sigma, int Members, int Diverged, int NotConverged,
    double Lambda1Median, double Lambda1Lower, double Lambda1Upper, double Lambda1Min, double Lambda1Max,
    double ZeroCountMean, double ZeroCountMedian, double FractionKeepingZeros)
{
    /// <summary>One row per σ of the ensemble, in grid order.</summary>
    /// <param name="threshold">|λ| below this counts as zero (per time unit of the model); finite and positive.</param>
    /// <param name="expectedZeros">zero exponents of the noise-free system; FractionKeepingZeros counts members with at least as many.</param>
    public static IReadOnlyList<SigmaStatistics> Of(WeightNoiseEnsemble ensemble, LyapunovSpectra spectra, double threshold, int expectedZeros)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(spectra);
        if (!double.IsFinite(threshold) || threshold <= 0)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold must be finite and positive, got {threshold}.");
        if (spectra.Members != ensemble.Members)
            throw new ArgumentException($"spectra: {spectra.Members} members, the ensemble has {ensemble.Members}.", nameof(spectra));
        var rows = new List<SigmaStatistics>();
        for (int p = 0; p < ensemble.Sigmas.Count; p++)
        {
            var lambda1 = new List<double>();
            var zeros = new List<double>();
            int diverged = 0, notConverged = 0, keeping = 0;
            for (int d = 0; d < ensemble.MembersPerSigma; d++)
            {
                int member = p * ensemble.MembersPerSigma + d;
                if (spectra.Status[member] == LyapunovStatus.Diverged)
                {
                    diverged++;
                    continue;
                }
                if (spectra.Status[member] == LyapunovStatus.NotConverged)
                    notConverged++;
                var spectrum = spectra.Spectrum(member);
                int count = ZeroCount(spectrum, threshold);
                lambda1.Add(spectrum[0]);
                zeros.Add(count);
                if (count >= expectedZeros)
                    keeping++;
            }
            int ok = lambda1.Count;
            rows.Add(new SigmaStatistics(ensemble.Sigmas[p], ensemble.MembersPerSigma, diverged, notConverged,
                Quantile(lambda1, 0.5), Quantile(lambda1, 0.25), Quantile(lambda1, 0.75),
                ok == 0 ? double.NaN : lambda1.Min(), ok == 0 ? double.NaN : lambda1.Max(),
                ok == 0 ? double.NaN : zeros.Average(), Quantile(zeros, 0.5), ok == 0 ? double.NaN : (double)keeping / ok));
        }
        return rows;
    }

    /// <summary>Exponents with |λ| &lt; threshold.</summary>
    public static int ZeroCount(ReadOnlySpan<double> spectrum, double threshold)
    {
        int count = 0;
        foreach (double v in spectrum)
        {
            if (Math.Abs(v) < threshold)
                count++;
        }
        return count;
    }

    /// <summary>The q-quantile by linear interpolation between order statistics (numpy's default); NaN for no values.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        if (!(q >= 0 && q <= 1))
            throw new ArgumentOutOfRangeException(nameof(q), q, $"q must be in [0, 1], got {q}.");
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
