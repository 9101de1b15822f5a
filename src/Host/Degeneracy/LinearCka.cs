namespace FastAttractors.Degeneracy;

/// <summary>
/// Linear centered kernel alignment (Kornblith et al., ICML 2019) between two representations of the same samples:
/// CKA(X, Y) = ‖Y_cᵀ X_c‖²_F / (‖X_cᵀ X_c‖_F ‖Y_cᵀ Y_c‖_F), with X (samples × p) and Y (samples × q) column-centred.
/// Dimensionless, in [0, 1]; 1 for identical representations and invariant to orthogonal transforms and isotropic
/// scaling of either one (not to general invertible maps), so networks of different widths can be compared.
/// Exact to rounding: computed in feature space (p × q products) or sample space (n × n Gram matrices), whichever is
/// cheaper.
/// </summary>
public static class LinearCka
{
    /// <summary>Linear CKA of <paramref name="x"/> (samples × p) and <paramref name="y"/> (samples × q), rows being the same samples; in [0, 1].</summary>
    /// <exception cref="ArgumentException">Different numbers of samples, fewer than 2 samples, a non-finite entry, or a
    /// representation that is constant across samples (CKA is then undefined).</exception>
    public static double Of(double[,] x, double[,] y)
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        int samples = x.GetLength(0);
        if (y.GetLength(0) != samples)
            throw new ArgumentException($"'{nameof(y)}' must have {samples} rows (samples) like '{nameof(x)}', got {y.GetLength(0)}.", nameof(y));
        Require.AtLeast(samples, 2, "samples");
        Require.AtLeast(x.GetLength(1), 1, "x columns");
        Require.AtLeast(y.GetLength(1), 1, "y columns");
        Require.Finite(x, nameof(x));
        Require.Finite(y, nameof(y));
        var xc = Centred(x);
        var yc = Centred(y);
        int p = x.GetLength(1), q = y.GetLength(1);
        double featureCost = (double)samples * ((double)p * q + (double)p * p + (double)q * q);
        double sampleCost = (double)samples * samples * (p + q + 1);
        double cross, selfX, selfY;
        if (featureCost <= sampleCost)
        {
            cross = Squared(Dense.TransposeMultiply(yc, xc));
            selfX = Math.Sqrt(Squared(Dense.TransposeMultiply(xc, xc)));
            selfY = Math.Sqrt(Squared(Dense.TransposeMultiply(yc, yc)));
        }
        else
        {
            // ‖YᵀX‖² = ⟨X Xᵀ, Y Yᵀ⟩ and ‖XᵀX‖ = ‖X Xᵀ‖: the same numbers from the sample-space Gram matrices.
            var kx = Dense.Multiply(xc, Dense.Transpose(xc));
            var ky = Dense.Multiply(yc, Dense.Transpose(yc));
            cross = Dense.Inner(kx, ky);
            selfX = Dense.FrobeniusNorm(kx);
            selfY = Dense.FrobeniusNorm(ky);
        }
        if (selfX == 0)
            throw new ArgumentException($"'{nameof(x)}' is constant across samples: CKA is undefined.", nameof(x));
        if (selfY == 0)
            throw new ArgumentException($"'{nameof(y)}' is constant across samples: CKA is undefined.", nameof(y));
        return cross / (selfX * selfY);
    }

    private static double[,] Centred(double[,] a)
    {
        int rows = a.GetLength(0), cols = a.GetLength(1);
        var c = (double[,])a.Clone();
        for (int j = 0; j < cols; j++)
        {
            double mean = 0;
            for (int i = 0; i < rows; i++) mean += a[i, j];
            mean /= rows;
            for (int i = 0; i < rows; i++) c[i, j] -= mean;
        }
        return c;
    }

    private static double Squared(double[,] a) => Dense.Inner(a, a);
}
