using System.Numerics;
using FastAttractors.Degeneracy;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>The Francis QR eigenvalues against spectra known by construction.</summary>
public class RealEigenvaluesTests
{
    /// <summary>Each expected eigenvalue is matched to a distinct computed one within the tolerance.</summary>
    private static void AssertSpectrum(IReadOnlyList<Complex> expected, Complex[] actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Length);
        var left = actual.ToList();
        foreach (var e in expected)
        {
            var nearest = left.MinBy(a => (a - e).Magnitude);
            Assert.True((nearest - e).Magnitude <= tolerance, $"expected {e}, nearest computed {nearest} (tolerance {tolerance}); all: {string.Join(", ", actual)}");
            left.Remove(nearest);
        }
    }

    [Fact]
    public void Rotation_blocks_give_their_conjugate_pairs()
    {
        var w = RotationBlocks((0.5, 0.3), (1.5, 2.0), (1.0, Math.PI / 2));
        var expected = new List<Complex>();
        foreach (var (r, t) in new[] { (0.5, 0.3), (1.5, 2.0), (1.0, Math.PI / 2) })
        {
            expected.Add(Complex.FromPolarCoordinates(r, t));
            expected.Add(Complex.FromPolarCoordinates(r, -t));
        }
        // A 2 × 2 block is solved in closed form: rounding level (1e-14 on values of size ≤ 1.5).
        AssertSpectrum(expected, RealEigenvalues.Of(w), 1e-14);
    }

    [Fact]
    public void Triangular_matrix_gives_its_diagonal()
    {
        var rng = new Random(3);
        int n = 9;
        var a = Gaussian(n, n, rng);
        var diagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            diagonal[i] = i - 4.5 + 0.1 * i * i;
            a[i, i] = diagonal[i];
            for (int j = 0; j < i; j++) a[i, j] = 0;
        }
        // Distinct, well-separated eigenvalues of a modestly non-normal matrix: backward error n·ε·‖A‖ times a modest
        // condition number stays far below 1e-10.
        AssertSpectrum(diagonal.Select(d => new Complex(d, 0)).ToList(), RealEigenvalues.Of(a), 1e-10);
    }

    [Fact]
    public void Companion_matrix_gives_its_polynomial_roots()
    {
        // Roots 1, 2, −3, 0.5 ± 2i, −1 ± 0.5i: build the monic polynomial, then its companion matrix.
        Complex[] roots = [1, 2, -3, new(0.5, 2), new(0.5, -2), new(-1, 0.5), new(-1, -0.5)];
        var coefficients = new Complex[] { 1 };
        foreach (var root in roots)
        {
            var next = new Complex[coefficients.Length + 1];
            for (int k = 0; k < coefficients.Length; k++)
            {
                next[k] += coefficients[k];
                next[k + 1] -= root * coefficients[k];
            }
            coefficients = next;
        }
        int n = roots.Length;
        var companion = new double[n, n];
        for (int j = 0; j < n; j++) companion[0, j] = -coefficients[j + 1].Real; // real: roots come in conjugate pairs
        for (int i = 1; i < n; i++) companion[i, i - 1] = 1;
        // Companion matrices amplify coefficient rounding into the roots; with roots of size ≤ 3 the error is ~1e-13.
        AssertSpectrum(roots, RealEigenvalues.Of(companion), 1e-9);
    }

    [Fact]
    public void Similarity_transforms_keep_a_known_spectrum()
    {
        var cases = from n in Gen.Choose(1, 24)
                    from seed in Gen.Choose(0, 100000)
                    select (n, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            // D: real eigenvalues and 2 × 2 blocks [[a, −b], [b, a]] (a ± ib), in [−3, 3].
            var d = new double[c.n, c.n];
            var expected = new List<Complex>();
            for (int i = 0; i < c.n;)
            {
                double a = 6 * rng.NextDouble() - 3;
                if (i + 1 < c.n && rng.NextDouble() < 0.5)
                {
                    double b = 0.1 + 2 * rng.NextDouble();
                    d[i, i] = a; d[i, i + 1] = -b; d[i + 1, i] = b; d[i + 1, i + 1] = a;
                    expected.Add(new Complex(a, b)); expected.Add(new Complex(a, -b));
                    i += 2;
                }
                else
                {
                    d[i, i] = a;
                    expected.Add(a);
                    i++;
                }
            }
            // S = Q1 Σ Q2 with singular values in [0.5, 2]: κ(S) ≤ 4 bounds the eigenvalue condition numbers, and
            // S⁻¹ = Q2ᵀ Σ⁻¹ Q1ᵀ is exact up to rounding. Eigenvalue error ≲ κ·n·ε·‖A‖ ≈ 1e-12; clustered random
            // eigenvalues (two drawn close) can be a little worse, hence 1e-8.
            var q1 = Orthogonal(c.n, rng);
            var q2 = Orthogonal(c.n, rng);
            var sigma = Enumerable.Range(0, c.n).Select(_ => 0.5 + 1.5 * rng.NextDouble()).ToArray();
            var s = Multiply(Multiply(q1, Diagonal(sigma)), q2);
            var sInverse = Multiply(Multiply(Transpose(q2), Diagonal(sigma.Select(x => 1 / x).ToArray())), Transpose(q1));
            var matrix = Multiply(Multiply(s, d), sInverse);
            AssertSpectrum(expected, RealEigenvalues.Of(matrix), 1e-8);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Badly_scaled_and_degenerate_matrices()
    {
        Assert.Equal(new[] { Complex.Zero, Complex.Zero, Complex.Zero }, RealEigenvalues.Of(new double[3, 3]));
        Assert.Equal(new[] { new Complex(7, 0) }, RealEigenvalues.Of(new double[,] { { 7 } }));
        // Diagonal similarity by huge scales: balancing removes it exactly, eigenvalues 1 ± i.
        double big = 1e8;
        var scaled = new double[,] { { 1, -1 * big }, { 1 / big, 1 } };
        AssertSpectrum([new(1, 1), new(1, -1)], RealEigenvalues.Of(scaled), 1e-12);
    }

    [Fact]
    public void Bad_input_is_refused_with_its_name()
    {
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => RealEigenvalues.Of(new double[2, 3])).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => RealEigenvalues.Of(new double[,] { { double.NaN } })).ParamName);
    }
}
