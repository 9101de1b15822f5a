namespace FastAttractors.Degeneracy;

/// <summary>
/// Reduced-rank DMD on delay-embedded trajectories (the operator of Dynamical Similarity Analysis, Ostrow et al. 2023):
/// embed every trial with <see cref="DelayEmbedding"/>, project the embedded states e_t on the r leading principal
/// directions U_r of the pooled (uncentred) embedded data, z_t = U_rᵀ e_t (state units), and fit the r × r operator A
/// of z_{t+1} ≈ A z_t by least squares over all consecutive pairs within each trial (pairs never cross trials):
/// A = (Σ z_{t+1} z_tᵀ)(Σ z_t z_tᵀ + ρI)⁻¹ with an optional ridge ρ (default 0).
/// <para>The basis U_r is unique up to sign (and up to rotation within a repeated singular value), so A is unique only up
/// to an orthogonal similarity: exactly the ambiguity the DSA distance minimises over. A change of state coordinates
/// y = Q h with Q orthogonal rotates the embedded data by I_d ⊗ Q and changes A by an orthogonal similarity only.</para>
/// <para>The principal directions come from a symmetric eigen-decomposition of the smaller of the covariance (d·n square)
/// and the Gram matrix (samples square): exact to rounding, O(min(d·n, samples)³).</para>
/// </summary>
public static class DmdOperator
{
    /// <summary>The r × r operator (r = <paramref name="rank"/>) of the trials (each time × n, same n).</summary>
    /// <exception cref="ArgumentException">Empty or ragged trials, a trial shorter than delays + 1 steps, rank out of
    /// 1 … d·n, or rank above the data's numerical rank (the basis would be arbitrary).</exception>
    public static double[,] Fit(IReadOnlyList<double[,]> trials, int delays, int rank, double ridge = 0)
    {
        Require.NotNull(trials, nameof(trials));
        Require.AtLeast(trials.Count, 1, $"{nameof(trials)}.Count");
        Require.AtLeast(delays, 1, nameof(delays));
        Require.AtLeast(rank, 1, nameof(rank));
        Require.NonNegative(ridge, nameof(ridge));
        Require.NotNull(trials[0], $"{nameof(trials)}[0]");
        int n = trials[0].GetLength(1);
        int samples = 0;
        for (int k = 0; k < trials.Count; k++)
        {
            Require.NotNull(trials[k], $"{nameof(trials)}[{k}]");
            if (trials[k].GetLength(1) != n)
                throw new ArgumentException($"'{nameof(trials)}[{k}]' must have {n} columns like trial 0, got {trials[k].GetLength(1)}.", nameof(trials));
            if (trials[k].GetLength(0) < delays + 1)
                throw new ArgumentException($"'{nameof(trials)}[{k}]' must have at least delays + 1 = {delays + 1} time steps, got {trials[k].GetLength(0)}.", nameof(trials));
            Require.Finite(trials[k], $"{nameof(trials)}[{k}]");
            samples += trials[k].GetLength(0) - delays + 1;
        }
        int m = delays * n;
        Require.AtMost(rank, m, nameof(rank));

        var embedded = trials.Select(t => DelayEmbedding.Embed(t, delays)).ToArray();
        var basis = LeadingDirections(embedded, m, samples, rank);
        int r = rank;
        var g0 = new double[r, r];
        var g1 = new double[r, r];
        foreach (var e in embedded)
        {
            var z = Dense.Multiply(e, basis);
            int rows = z.GetLength(0);
            for (int t = 0; t + 1 < rows; t++)
            {
                for (int i = 0; i < r; i++)
                {
                    double zi = z[t, i];
                    for (int j = 0; j < r; j++)
                    {
                        g0[i, j] += zi * z[t, j];
                        g1[i, j] += zi * z[t + 1, j]; // Σ z_t z_{t+1}ᵀ
                    }
                }
            }
        }
        for (int i = 0; i < r; i++) g0[i, i] += ridge;
        var lu = DenseLu.FactorInPlace(g0);
        if (lu.IsSingular)
            throw new ArgumentException($"'{nameof(rank)}' = {rank} leaves a singular least-squares system: lower the rank or add a ridge.", nameof(rank));
        // Aᵀ = G0⁻¹ Σ z_t z_{t+1}ᵀ.
        return Dense.Transpose(lu.Solve(g1));
    }

    /// <summary>U_r: the r leading right singular vectors of the stacked embedded data (m × r, orthonormal columns).</summary>
    private static double[,] LeadingDirections(double[][,] embedded, int m, int samples, int rank)
    {
        double[,] basis = new double[m, rank];
        double[] values;
        if (m <= samples)
        {
            var covariance = new double[m, m];
            foreach (var e in embedded)
                Accumulate(covariance, Dense.TransposeMultiply(e, e));
            var eigen = SymmetricEigen.Decompose(covariance);
            values = eigen.Values;
            for (int i = 0; i < m; i++)
                for (int k = 0; k < rank; k++)
                    basis[i, k] = eigen.Vectors[i, k];
        }
        else
        {
            var stacked = Stack(embedded, samples, m);
            var gram = Dense.Multiply(stacked, Dense.Transpose(stacked));
            var eigen = SymmetricEigen.Decompose(gram);
            values = eigen.Values;
            // u_k = Hᵀ v_k / σ_k: right singular vectors from the left ones.
            CheckRank(values, rank);
            for (int k = 0; k < rank; k++)
            {
                double sigma = Math.Sqrt(values[k]);
                for (int i = 0; i < m; i++)
                {
                    double sum = 0;
                    for (int s = 0; s < samples; s++) sum += stacked[s, i] * eigen.Vectors[s, k];
                    basis[i, k] = sum / sigma;
                }
            }
        }
        CheckRank(values, rank);
        return basis;
    }

    private static void CheckRank(double[] values, int rank)
    {
        // Directions with variance below 1e-12 of the largest are rounding noise: a basis built on them is arbitrary.
        if (!(values[rank - 1] > 1e-12 * values[0]))
        {
            int numerical = values.Count(v => v > 1e-12 * values[0]);
            throw new ArgumentException($"'rank' = {rank} exceeds the numerical rank of the embedded data ({numerical}).", "rank");
        }
    }

    private static void Accumulate(double[,] sum, double[,] term)
    {
        for (int i = 0; i < sum.GetLength(0); i++)
            for (int j = 0; j < sum.GetLength(1); j++)
                sum[i, j] += term[i, j];
    }

    private static double[,] Stack(double[][,] blocks, int rows, int cols)
    {
        var stacked = new double[rows, cols];
        int offset = 0;
        foreach (var b in blocks)
        {
            for (int i = 0; i < b.GetLength(0); i++)
                for (int j = 0; j < cols; j++)
                    stacked[offset + i, j] = b[i, j];
            offset += b.GetLength(0);
        }
        return stacked;
    }
}
