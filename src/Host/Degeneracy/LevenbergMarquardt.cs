using System.Numerics.Tensors;

namespace FastAttractors.Degeneracy;

/// <summary>
/// Minimises q(h) = ½‖r(h)‖² for one start by Levenberg–Marquardt with the analytic Jacobian J of r: each step solves
/// (JᵀJ + μI) δ = −Jᵀr by LU and adapts the damping μ by the gain ratio (Nielsen's rule, Madsen, Nielsen &amp; Tingleff
/// 2004, "Methods for non-linear least squares problems", §3.2). Large μ gives short gradient steps far from a point;
/// μ → 0 near a zero of r gives Gauss–Newton (here Newton, r being square) and quadratic convergence to rounding
/// level. At a slow point (a nonzero local minimum of q) it stops where the gradient Jᵀr vanishes.
/// </summary>
internal sealed class LevenbergMarquardt
{
    private readonly TanhNetwork network;
    private readonly int n;
    private readonly double[,] jacobian;
    private readonly double[,] normal;
    private readonly double[,] transposed;
    private readonly double[,] system;
    private readonly double[] residual;
    private readonly double[] trialResidual;
    private readonly double[] gradient;
    private readonly double[] step;
    private readonly double[] trial;

    public LevenbergMarquardt(TanhNetwork network)
    {
        this.network = network;
        n = network.Dimension;
        jacobian = new double[n, n];
        normal = new double[n, n];
        transposed = new double[n, n];
        system = new double[n, n];
        residual = new double[n];
        trialResidual = new double[n];
        gradient = new double[n];
        step = new double[n];
        trial = new double[n];
    }

    /// <summary>Moves <paramref name="h"/> to a local minimiser of q and returns q there.</summary>
    public double Minimise(double[] h, int maxIterations)
    {
        network.Residual(h, residual);
        double q = 0.5 * TanhNetwork.SquaredNorm(residual);
        double mu = -1;
        double nu = 2;
        for (int iteration = 0; iteration < maxIterations && q > 0; iteration++)
        {
            network.ResidualJacobian(h, jacobian);
            double gradientMax = 0;
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                    sum += jacobian[k, i] * residual[k];
                gradient[i] = sum;
                gradientMax = Math.Max(gradientMax, Math.Abs(sum));
            }
            if (gradientMax <= 1e-300) break; // exactly stationary
            FormNormalMatrix();
            if (mu < 0)
            {
                // Initial damping 1e-3 · max diag(JᵀJ): small enough for Newton-like steps on well-posed problems.
                double diagonalMax = 0;
                for (int i = 0; i < n; i++) diagonalMax = Math.Max(diagonalMax, normal[i, i]);
                mu = 1e-3 * Math.Max(diagonalMax, 1e-300);
            }
            bool accepted = false;
            while (!accepted)
            {
                Array.Copy(normal, system, normal.Length); // multidimensional arrays copy as one long row
                for (int i = 0; i < n; i++) system[i, i] += mu;
                var lu = DenseLu.FactorInPlace(system);
                for (int i = 0; i < n; i++) step[i] = -gradient[i];
                if (lu.IsSingular) { mu *= nu; nu *= 2; if (double.IsInfinity(mu)) return q; continue; }
                lu.SolveInPlace(step);
                double stepNorm = Math.Sqrt(TanhNetwork.SquaredNorm(step));
                double stateNorm = Math.Sqrt(TanhNetwork.SquaredNorm(h));
                // A step below rounding of the state cannot improve it: converged (or stuck at a slow point).
                if (stepNorm <= 1e-15 * (stateNorm + 1e-15)) return q;
                for (int i = 0; i < n; i++) trial[i] = h[i] + step[i];
                network.Residual(trial, trialResidual);
                double trialQ = 0.5 * TanhNetwork.SquaredNorm(trialResidual);
                // Predicted decrease of the linear model: ½ δᵀ(μδ − g).
                double predicted = 0;
                for (int i = 0; i < n; i++) predicted += step[i] * (mu * step[i] - gradient[i]);
                predicted *= 0.5;
                double rho = predicted > 0 ? (q - trialQ) / predicted : -1;
                if (rho > 0 && trialQ < q)
                {
                    Array.Copy(trial, h, n);
                    Array.Copy(trialResidual, residual, n);
                    q = trialQ;
                    double factor = 2 * rho - 1;
                    mu *= Math.Max(1.0 / 3, 1 - factor * factor * factor);
                    nu = 2;
                    accepted = true;
                }
                else
                {
                    mu *= nu;
                    nu *= 2;
                    if (double.IsInfinity(mu) || nu > 1e300) return q; // no descent possible at this precision
                }
            }
        }
        return q;
    }

    /// <summary>JᵀJ from the rows of Jᵀ (contiguous, so each entry is one vectorised dot product).</summary>
    private void FormNormalMatrix()
    {
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                transposed[i, k] = jacobian[k, i];
        for (int i = 0; i < n; i++)
        {
            var rowI = DenseLu.Row(transposed, i);
            for (int j = i; j < n; j++)
            {
                double sum = TensorPrimitives.Dot(rowI, DenseLu.Row(transposed, j));
                normal[i, j] = sum;
                normal[j, i] = sum;
            }
        }
    }
}
