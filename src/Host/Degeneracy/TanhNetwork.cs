namespace FastAttractors.Degeneracy;

/// <summary>
/// One tanh recurrent network frozen at a constant input: the system whose fixed and slow points
/// <see cref="FixedPointFinder"/> looks for. The input enters only through the constant drive c = U x* + b, so a
/// network at several inputs is several <see cref="TanhNetwork"/>s (see <see cref="DriveOf"/>).
/// <list type="bullet">
/// <item>Discrete: F(h) = tanh(W h + c); residual r(h) = F(h) − h; Jacobian of the map DF = diag(1 − F²) W.</item>
/// <item>Continuous: f(h) = (−h + W tanh(h) + c) / τ (the engine's <c>TanhRnn</c> with a drive); residual r(h) = f(h);
/// Jacobian Df = (−I + W diag(1 − tanh² h)) / τ, in units of 1/time.</item>
/// </list>
/// The speed is q(h) = ½‖r(h)‖² in both forms (state² per step², or per time² for the flow).
/// </summary>
public sealed class TanhNetwork
{
    private TanhNetwork(RecurrentForm form, double[,] w, double[] drive, double tau)
    {
        Form = form;
        W = w;
        Drive = drive;
        Tau = tau;
    }

    /// <summary>Whether the network is a map or a flow.</summary>
    public RecurrentForm Form { get; }

    /// <summary>Recurrent weights, n × n (row i holds the weights into unit i). Not copied: do not modify.</summary>
    public double[,] W { get; }

    /// <summary>The constant drive c = U x* + b (n values).</summary>
    public double[] Drive { get; }

    /// <summary>Time constant τ of the continuous form (1 for the discrete form).</summary>
    public double Tau { get; }

    /// <summary>n: number of units.</summary>
    public int Dimension => Drive.Length;

    /// <summary>The map h ← tanh(W h + c) with <paramref name="drive"/> c (zero when null).</summary>
    public static TanhNetwork Discrete(double[,] w, double[]? drive = null) => Create(RecurrentForm.Discrete, w, drive, 1.0);

    /// <summary>The flow τ dh/dt = −h + W tanh(h) + c with <paramref name="drive"/> c (zero when null), τ &gt; 0.</summary>
    public static TanhNetwork Continuous(double[,] w, double[]? drive = null, double tau = 1.0) =>
        Create(RecurrentForm.Continuous, w, drive, tau);

    /// <summary>c = U x + b: the drive of a network with input weights <paramref name="u"/> (n × inputs) at the constant
    /// input <paramref name="input"/>, plus the bias <paramref name="bias"/> (zero when null).</summary>
    public static double[] DriveOf(double[,] u, double[] input, double[]? bias = null)
    {
        Require.NotNull(u, nameof(u));
        Require.Length(input, u.GetLength(1), nameof(input));
        int n = u.GetLength(0);
        if (bias is not null) Require.Length(bias, n, nameof(bias));
        var c = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = bias?[i] ?? 0;
            for (int k = 0; k < input.Length; k++)
                sum += u[i, k] * input[k];
            c[i] = sum;
        }
        return c;
    }

    private static TanhNetwork Create(RecurrentForm form, double[,] w, double[]? drive, double tau)
    {
        Require.Square(w, nameof(w));
        Require.Finite(w, nameof(w));
        int n = w.GetLength(0);
        if (drive is not null)
        {
            Require.Length(drive, n, nameof(drive));
            Require.Finite(drive, nameof(drive));
        }
        Require.Positive(tau, nameof(tau));
        return new TanhNetwork(form, w, drive is null ? new double[n] : (double[])drive.Clone(), tau);
    }

    /// <summary>r(h): F(h) − h (discrete) or f(h) (continuous), written to <paramref name="residual"/>.</summary>
    internal void Residual(ReadOnlySpan<double> h, Span<double> residual)
    {
        int n = Dimension;
        if (Form == RecurrentForm.Discrete)
        {
            for (int i = 0; i < n; i++)
                residual[i] = Math.Tanh(RowSum(i, Drive[i], h)) - h[i];
            return;
        }
        Span<double> activity = n <= 512 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < n; j++)
            activity[j] = Math.Tanh(h[j]);
        for (int i = 0; i < n; i++)
            residual[i] = RowSum(i, Drive[i] - h[i], activity) / Tau;
    }

    /// <summary>start + Σ_j W_ij v_j, summed from j = 0: the pre-activation of unit i in both forms.</summary>
    private double RowSum(int i, double start, ReadOnlySpan<double> v)
    {
        double sum = start;
        int n = Dimension;
        for (int j = 0; j < n; j++)
            sum += W[i, j] * v[j];
        return sum;
    }

    /// <summary>q(h) = ½‖r(h)‖².</summary>
    public double Speed(double[] h)
    {
        Require.Length(h, Dimension, nameof(h));
        var r = new double[Dimension];
        Residual(h, r);
        return 0.5 * SquaredNorm(r);
    }

    /// <summary>The Jacobian of the dynamics at <paramref name="h"/>: DF of the map or Df of the flow (see the class summary).</summary>
    public double[,] Jacobian(double[] h)
    {
        Require.Length(h, Dimension, nameof(h));
        var jacobian = new double[Dimension, Dimension];
        DynamicsJacobian(h, jacobian);
        return jacobian;
    }

    internal void DynamicsJacobian(ReadOnlySpan<double> h, double[,] jacobian)
    {
        int n = Dimension;
        if (Form == RecurrentForm.Discrete)
        {
            for (int i = 0; i < n; i++)
            {
                double f = Math.Tanh(RowSum(i, Drive[i], h));
                double slope = 1 - f * f;
                for (int j = 0; j < n; j++)
                    jacobian[i, j] = slope * W[i, j];
            }
            return;
        }
        Span<double> slopes = n <= 512 ? stackalloc double[n] : new double[n];
        for (int j = 0; j < n; j++)
        {
            double t = Math.Tanh(h[j]);
            slopes[j] = 1 - t * t;
        }
        double inverseTau = 1.0 / Tau;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                jacobian[i, j] = W[i, j] * slopes[j] * inverseTau;
            jacobian[i, i] -= inverseTau;
        }
    }

    /// <summary>The Jacobian of the residual r: DF − I (discrete) or Df (continuous).</summary>
    internal void ResidualJacobian(ReadOnlySpan<double> h, double[,] jacobian)
    {
        DynamicsJacobian(h, jacobian);
        if (Form == RecurrentForm.Discrete)
        {
            for (int i = 0; i < Dimension; i++)
                jacobian[i, i] -= 1;
        }
    }

    internal static double SquaredNorm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (var x in v) sum += x * x;
        return sum;
    }
}
