using FastAttractors.Backends;

namespace FastAttractors;

/// <summary>
/// D-type noise (Sec. 2.6 of the toroidal-attractor paper): perturbations W + σ ξ of a network's recurrent weights,
/// ξ_ij ~ N(0, 1/n) independently, so that σ ξ has spectral radius ≈ σ (circular law) whatever n is. The numbers are
/// counter-based: entry k of the noise of key (draw) comes from (seed, stream(draw, purpose), k) alone, so a member
/// gets the same matrix on every backend, in every chunk and in every ensemble that contains it.
/// </summary>
public static class WeightNoise
{
    /// <summary>Throws unless <paramref name="sigmas"/> is a non-empty list of finite, non-negative values.</summary>
    public static void ValidateSigmas(IReadOnlyList<double> sigmas, string paramName = "sigmas")
    {
        ArgumentNullException.ThrowIfNull(sigmas, paramName);
        if (sigmas.Count == 0)
            throw new ArgumentException($"{paramName}: the σ grid is empty; give at least one noise level.", paramName);
        for (int p = 0; p < sigmas.Count; p++)
        {
            if (!double.IsFinite(sigmas[p]) || sigmas[p] < 0)
                throw new ArgumentOutOfRangeException(paramName, sigmas[p],
                    $"{paramName}: σ[{p}] = {sigmas[p]} must be finite and non-negative.");
        }
    }

    /// <summary>
    /// Adds σ ξ to a copy of <paramref name="w"/> (row-major n × n), ξ_ij ~ N(0, 1/n) drawn from the stream of
    /// <paramref name="key"/> and <paramref name="purpose"/>. σ = 0 returns an exact copy.
    /// </summary>
    public static double[] Perturbed(ReadOnlySpan<double> w, int n, double sigma, long seed, long key, CounterRandom.Purpose purpose)
    {
        if (w.Length != n * n)
            throw new ArgumentException($"w: expected n × n = {n * n} values, got {w.Length}.", nameof(w));
        if (!double.IsFinite(sigma) || sigma < 0)
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"sigma must be finite and non-negative, got {sigma}.");
        var result = w.ToArray();
        if (sigma == 0)
            return result;
        double scale = sigma / Math.Sqrt(n);
        ulong stream = CounterRandom.Stream(key, purpose);
        for (int k = 0; k < result.Length; k++)
            result[k] += scale * CounterRandom.Normal((ulong)seed, stream, (ulong)k);
        return result;
    }

    /// <summary>The per-member weight block of an ensemble: member (p, m) holds W + σ_p ξ_(p, m) (see <see cref="WeightNoiseEnsemble"/>).</summary>
    internal static ParameterBlock PerMember(ParameterBlock w, WeightNoiseEnsemble ensemble)
    {
        if (w.PerMember)
            throw new ArgumentException(
                $"baseModel: weight noise needs one base network, but parameter '{w.Name}' is given per member ({w.Members} members).", "baseModel");
        int n = (int)Math.Round(Math.Sqrt(w.Length));
        int members = ensemble.Members;
        HostMemory.EnsureFits((double)w.Length * members * 2, $"the perturbed weights (n = {n}, n² per member)", "membersPerSigma", ensemble.MembersPerSigma);
        var values = new double[(long)w.Length * members];
        Parallel.For(0, members, member =>
        {
            var row = Perturbed(w.Values, n, ensemble.SigmaOf(member), ensemble.Seed, ensemble.NoiseKey(member), CounterRandom.Purpose.WeightNoise);
            for (int k = 0; k < row.Length; k++)
                values[(long)k * members + member] = row[k];
        });
        return ParameterBlock.PerMemberSoa(w.Name, w.Length, members, values);
    }
}
