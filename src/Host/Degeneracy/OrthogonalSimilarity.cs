namespace FastAttractors.Degeneracy;

/// <summary>The best orthogonal similarity found between two operators.</summary>
/// <param name="Distance">‖A − C B Cᵀ‖_F at the best C found (the Procrustes-over-similarity distance), evaluated as the
/// mean of ‖A − C B Cᵀ‖_F and ‖B − Cᵀ A C‖_F (equal in exact arithmetic; the mean makes the value symmetric).</param>
/// <param name="AngularDistance">arccos(⟨A, C B Cᵀ⟩ / (‖A‖_F ‖B‖_F)) in [0, π] at the same C (the same C maximises the
/// inner product, since ‖C B Cᵀ‖_F = ‖B‖_F); 0 when either operator is zero.</param>
/// <param name="Transform">The orthogonal C (r × r).</param>
public sealed record SimilarityFit(double Distance, double AngularDistance, double[,] Transform);

/// <summary>
/// min over orthogonal C of ‖A − C B Cᵀ‖_F for square A, B of one size (DSA's distance, Ostrow et al. 2023),
/// equivalently max of ⟨A, C B Cᵀ⟩. Riemannian gradient descent on the orthogonal group: C ← C·cay(ηK) with
/// K = Cᵀ∇f − ∇fᵀC (skew) and cay(X) = (I + X/2)⁻¹(I − X/2), Barzilai–Borwein step lengths and a non-monotone
/// Armijo line search (Wen &amp; Yin 2013). It starts from several transforms covering both components of O(r)
/// (det ±1): the identity, a reflection, the alignment of the eigenbases of the symmetric
/// parts (with signs chosen greedily) and seeded random orthogonal matrices. Each start descends for both argument
/// orders, (A, B) and (B, A) (C ↦ Cᵀ), so swapping the arguments runs the same descents and gives the same value
/// (bit for bit, unless two different descents end at exactly equal inner products).
/// <para>Exact vs approximate: the objective is non-convex; the value returned is the best local minimum found, an
/// upper bound on the true minimum (always ≥ 0, and a C is returned that attains it). When B = Q A Qᵀ for an
/// orthogonal Q the eigenbasis start is within sign choices of Q, and the distance found is 0 to rounding (measured
/// ~1e-14 ‖A‖ for the DSA operators of a rotated copy; the tests allow 1e-7 ‖A‖). Unrelated random 10 × 10 operators
/// have several local minima a few per cent apart: 8 random starts found the lowest known one in 7 of 9 tries, 32 in
/// 9 of 9.</para>
/// </summary>
public static class OrthogonalSimilarity
{
    private const int StallWindow = 25;

    /// <summary>The best orthogonal C found for ‖A − C B Cᵀ‖_F, with <paramref name="a"/> and <paramref name="b"/> square, finite and of one size.</summary>
    /// <param name="randomStarts">Random orthogonal starts in addition to the three structured ones.</param>
    /// <param name="maxIterations">Descent iterations per start and argument order.</param>
    /// <param name="seed">Seed of the random starts.</param>
    public static SimilarityFit Fit(double[,] a, double[,] b, int randomStarts = 16, int maxIterations = 2000, long seed = 0)
    {
        Require.FiniteSquarePair(a, b, nameof(a), nameof(b));
        Require.AtLeast(randomStarts, 0, nameof(randomStarts));
        Require.AtLeast(maxIterations, 0, nameof(maxIterations));

        double normA = Dense.FrobeniusNorm(a), normB = Dense.FrobeniusNorm(b);
        var forward = Starts(a, b, randomStarts, seed);
        var backward = Starts(b, a, randomStarts, seed);
        double bestInner = double.NegativeInfinity;
        double[,]? best = null;
        // Candidates in a canonical order: forward starts on (A, B), then backward starts on (B, A) mapped back by Cᵀ;
        // swapping the arguments swaps the two lists, and ties go to the larger inner product of the same numbers.
        var results = new List<(double Inner, double[,] C)>();
        foreach (var c0 in forward) results.Add(Descend(a, b, c0, maxIterations));
        foreach (var c0 in backward)
        {
            var (inner, c) = Descend(b, a, c0, maxIterations);
            results.Add((inner, Dense.Transpose(c)));
        }
        foreach (var (inner, c) in results)
        {
            if (inner > bestInner) { bestInner = inner; best = c; }
        }
        // The residual is evaluated directly (‖A‖² + ‖B‖² − 2⟨A, CBCᵀ⟩ would lose half the digits near 0), in both
        // orientations and averaged: swapping the arguments swaps the two terms (and C ↦ Cᵀ), so the value is symmetric.
        double distance = 0.5 * (Residual(a, b, best!) + Residual(b, a, Dense.Transpose(best!)));
        double cosine = normA > 0 && normB > 0 ? Math.Clamp(bestInner / (normA * normB), -1, 1) : 1;
        return new SimilarityFit(distance, Math.Acos(cosine), best!);
    }

    /// <summary>Starting transforms for descending on (x, y): identity, reflection, eigenbasis alignment, random.</summary>
    private static List<double[,]> Starts(double[,] x, double[,] y, int randomStarts, long seed)
    {
        int r = x.GetLength(0);
        var starts = new List<double[,]> { Dense.Identity(r) };
        var reflection = Dense.Identity(r);
        reflection[0, 0] = -1;
        starts.Add(reflection);
        starts.Add(EigenbasisAlignment(x, y));
        var rng = new System.Random(unchecked((int)seed ^ (int)(seed >> 32)));
        for (int k = 0; k < randomStarts; k++)
            starts.Add(Dense.RandomOrthogonal(r, rng));
        return starts;
    }

    /// <summary>
    /// C = V_x S V_yᵀ, with V the eigenvectors of the symmetric parts and the signs S flipped one at a time while that
    /// raises ⟨X, C Y Cᵀ⟩: if Y = QᵀXQ then sym(X) = Q sym(Y) Qᵀ, so Q is of this form when those eigenvalues are simple.
    /// </summary>
    private static double[,] EigenbasisAlignment(double[,] x, double[,] y)
    {
        int r = x.GetLength(0);
        var vx = SymmetricEigen.Decompose(x).Vectors; // Decompose symmetrises its input: (X + Xᵀ)/2
        var vy = SymmetricEigen.Decompose(y).Vectors;
        var xHat = Dense.TransposeMultiply(vx, Dense.Multiply(x, vx));
        var yHat = Dense.TransposeMultiply(vy, Dense.Multiply(y, vy));
        var signs = Enumerable.Repeat(1.0, r).ToArray();
        // ⟨X, C Y Cᵀ⟩ = Σ_ij x̂_ij ŷ_ij s_i s_j; flipping s_k changes it by −2 s_k Σ_{j≠k} s_j (x̂_kj ŷ_kj + x̂_jk ŷ_jk).
        for (int pass = 0; pass < 4 * r; pass++)
        {
            bool improved = false;
            for (int k = 0; k < r; k++)
            {
                double change = 0;
                for (int j = 0; j < r; j++)
                {
                    if (j == k) continue;
                    change += signs[j] * (xHat[k, j] * yHat[k, j] + xHat[j, k] * yHat[j, k]);
                }
                change *= -2 * signs[k];
                if (change > 1e-15 * (1 + Math.Abs(change))) { signs[k] = -signs[k]; improved = true; }
            }
            if (!improved) break;
        }
        var c = new double[r, r];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
            {
                double sum = 0;
                for (int k = 0; k < r; k++) sum += vx[i, k] * signs[k] * vy[j, k];
                c[i, j] = sum;
            }
        return c;
    }

    /// <summary>Riemannian descent of f(C) = ‖X − C Y Cᵀ‖² from c; returns ⟨X, C Y Cᵀ⟩ and C at the end.</summary>
    private static (double Inner, double[,] C) Descend(double[,] x, double[,] y, double[,] c, int maxIterations)
    {
        int r = x.GetLength(0);
        double scale = Dense.Inner(x, x) + Dense.Inner(y, y);
        if (scale == 0) return (0, c);
        double f = Objective(x, y, c, out var residual);
        double eta = 1.0 / scale; // η has units of 1/‖·‖²: the gradient scales like ‖Y‖²·C
        double windowStart = f;
        double[,]? previousK = null;
        double reference = f, averageWeight = 1;
        double bestF = f;
        var bestC = c;
        double previousEta = eta;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            // Stalled: over the last StallWindow steps f fell by less than 1e-12 of itself (12 digits of the minimum
            // value, or rounding level when it is 0). Linear convergence to an exact zero keeps falling by a constant
            // factor per step, so it does not trip this.
            if (iteration > 0 && iteration % StallWindow == 0)
            {
                if (windowStart - f <= 1e-12 * windowStart + 1e-30 * scale) break;
                windowStart = f;
            }
            // ∇f = 2(R C Yᵀ + Rᵀ C Y), R = C Y Cᵀ − X; K = Cᵀ∇f − ∇fᵀC is twice the skew part of Cᵀ∇f.
            var gradient = Dense.Multiply(residual, Dense.Multiply(c, Dense.Transpose(y)));
            var second = Dense.TransposeMultiply(residual, Dense.Multiply(c, y));
            for (int i = 0; i < r; i++)
                for (int j = 0; j < r; j++)
                    gradient[i, j] = 2 * (gradient[i, j] + second[i, j]);
            var ctg = Dense.TransposeMultiply(c, gradient);
            var k = new double[r, r];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < r; j++)
                    k[i, j] = ctg[i, j] - ctg[j, i];
            double kk = Dense.Inner(k, k);
            // Stationary to rounding: the gradient is a few ulps of the objective's scale.
            if (Math.Sqrt(kk) <= 1e-15 * scale) break;
            if (previousK is not null)
            {
                // Barzilai–Borwein step (Wen & Yin 2013, Cayley retraction). In the Lie algebra the last step was
                // s = −η_prev·K_prev and the gradient is K/2 (f(C·cay(ηK)) ≈ f − η⟨K/2, K⟩), so the BB1 step for the
                // direction −K is η = ⟨s, s⟩ / ⟨s, K − K_prev⟩, used when that curvature is positive.
                double ss = 0, sy = 0;
                for (int i = 0; i < r; i++)
                    for (int j = 0; j < r; j++)
                    {
                        double step = -previousEta * previousK[i, j];
                        ss += step * step;
                        sy += step * (k[i, j] - previousK[i, j]);
                    }
                eta = sy > 0 ? Math.Clamp(ss / sy, 1e-12 / scale, 1e12 / scale) : 2 * previousEta;
            }
            bool accepted = false;
            for (int tries = 0; tries < 60; tries++)
            {
                var candidate = Dense.Multiply(c, Cayley(k, eta));
                double fCandidate = Objective(x, y, candidate, out var candidateResidual);
                // Non-monotone Armijo (Zhang & Hager 2004): the decrease is measured from a running average of past
                // values, so the long Barzilai–Borwein steps that briefly raise f are kept; that average still falls.
                if (fCandidate <= reference - 1e-4 * eta * 0.5 * kk)
                {
                    c = candidate; f = fCandidate; residual = candidateResidual;
                    if (f < bestF) { bestF = f; bestC = c; }
                    double weight = 0.85 * averageWeight + 1;
                    reference = (0.85 * averageWeight * reference + f) / weight;
                    averageWeight = weight;
                    previousK = k;
                    previousEta = eta;
                    accepted = true;
                    break;
                }
                eta *= 0.5;
            }
            if (!accepted) break; // no decrease resolvable in floating point
        }
        // The non-monotone search may end above its best point: return the best one visited.
        var cycc = Dense.Multiply(Dense.Multiply(bestC, y), Dense.Transpose(bestC));
        return (Dense.Inner(x, cycc), bestC);
    }

    /// <summary>‖X − C Y Cᵀ‖_F.</summary>
    private static double Residual(double[,] x, double[,] y, double[,] c) => Math.Sqrt(Objective(x, y, c, out _));

    private static double Objective(double[,] x, double[,] y, double[,] c, out double[,] residual)
    {
        residual = Dense.Multiply(Dense.Multiply(c, y), Dense.Transpose(c));
        int r = x.GetLength(0);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
                residual[i, j] -= x[i, j];
        return Dense.Inner(residual, residual);
    }

    /// <summary>cay(ηK) = (I + ηK/2)⁻¹(I − ηK/2): orthogonal for skew K, ≈ I − ηK for small η.</summary>
    private static double[,] Cayley(double[,] k, double eta)
    {
        int r = k.GetLength(0);
        var plus = new double[r, r];
        var minus = new double[r, r];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++)
            {
                double h = 0.5 * eta * k[i, j];
                plus[i, j] = (i == j ? 1 : 0) + h;
                minus[i, j] = (i == j ? 1 : 0) - h;
            }
        var lu = DenseLu.FactorInPlace(plus); // I + skew is never singular (eigenvalues 1 + iω)
        return lu.Solve(minus);
    }
}
