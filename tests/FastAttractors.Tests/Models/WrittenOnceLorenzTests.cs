using FastAttractors.Models;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Models;

/// <summary>
/// Lorenz is written once (f only); its Jacobian products and parameter derivatives come from dual numbers. Here they
/// are held to the closed forms J = [[−σ, σ, 0], [ρ − z, −1, −x], [y, x, −β]], ∂f/∂σ = (y − x, 0, 0), ∂f/∂ρ = (0, x, 0),
/// ∂f/∂β = (0, 0, −z), with parameters per member. Dual numbers apply the product rule exactly, so the only
/// difference is rounding of a few terms: 1e-13 relative.
/// </summary>
public class WrittenOnceLorenzTests
{
    [Property(MaxTest = 40)]
    public void Dual_derivatives_equal_the_closed_forms(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        double Draw(double scale) => scale * (2 * random.NextDouble() - 1);
        const int members = 3;
        var rows = Enumerable.Range(0, members).Select(_ => new[] { 10 + Draw(5), 28 + Draw(20), 8.0 / 3 + Draw(1) }).ToArray();
        var lorenz = new Lorenz(ParameterBlock.PerMemberRows("sigma_rho_beta", rows));
        var field = ((IModelBinding)lorenz).CreateReferenceField();
        for (int m = 0; m < members; m++)
        {
            double s = rows[m][0], r = rows[m][1], b = rows[m][2];
            double[] x = [Draw(20), Draw(20), 25 + Draw(20)], v = [Draw(1), Draw(1), Draw(1)], a = [Draw(1), Draw(1), Draw(1)];
            double[,] j = { { -s, s, 0 }, { r - x[2], -1, -x[0] }, { x[1], x[0], -b } };

            var y = new double[3];
            field.Evaluate(m, x, y);
            Compare.Close(y, [s * (x[1] - x[0]), x[0] * (r - x[2]) - x[1], x[0] * x[1] - b * x[2]], 1e-13, "f");

            var jv = new double[3];
            field.Jvp(m, x, v, jv);
            Compare.Close(jv, Enumerable.Range(0, 3).Select(i => j[i, 0] * v[0] + j[i, 1] * v[1] + j[i, 2] * v[2]).ToArray(), 1e-13, "J v");

            var jta = new double[3];
            field.Vjp(m, x, a, jta);
            Compare.Close(jta, Enumerable.Range(0, 3).Select(c => j[0, c] * a[0] + j[1, c] * a[1] + j[2, c] * a[2]).ToArray(), 1e-13, "Jᵀa");

            Assert.Equal(-s - 1 - b, field.Contraction(m, x), 12);

            var bar = new[] { new double[3] };
            field.AddParameterCotangent(m, x, a, bar);
            Compare.Close(bar[0], [a[0] * (x[1] - x[0]), a[1] * x[0], -a[2] * x[2]], 1e-13, "(∂f/∂θ)ᵀa");
        }
    }
}
