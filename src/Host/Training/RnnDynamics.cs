using System.Globalization;

namespace FastAttractors.Training;

/// <summary>Which recurrence a trained tanh RNN follows (see <see cref="RnnDynamics"/>).</summary>
public enum RnnDynamicsKind
{
    /// <summary>The map h_t = tanh(W h_{t−1} + U x_t + b), read out as y_t = C h_t + d.</summary>
    Discrete,

    /// <summary>The flow τ dh/dt = −h + W tanh(h) + U x(t) + b (the engine's TanhRnn plus an input), one forward Euler
    /// step of size dt per task step, read out from the rates as y_t = C tanh(h_t) + d.</summary>
    Continuous,
}

/// <summary>
/// The recurrence of a trained network. <see cref="Discrete"/> is the map h_t = tanh(W h_{t−1} + U x_t + b),
/// y_t = C h_t + d. <see cref="Continuous"/> is the continuous-time RNN τ dh/dt = −h + W tanh(h) + U x(t) + b with τ
/// fixed (not trained), integrated by one forward Euler step of size dt per task step (the input held over the step):
/// h_t = h_{t−1} + α (−h_{t−1} + W tanh(h_{t−1}) + U x_t + b) with α = dt/τ, and read out from the rates,
/// y_t = C tanh(h_t) + d. Both start from h_{−1} = 0. Only α enters the steps, so time is counted in task steps
/// (dt = 1, τ = 1/α steps) wherever a continuous network's rates or exponents are reported.
/// <para>Why the rates, not h, are read out: h of the flow is unbounded (a unit driven hard grows like its input), while
/// tanh(h) lies in (−1, 1) as the discrete network's states do, so the readout weights and their initial scale mean the
/// same thing for both kinds and a saturated unit cannot blow up the output.</para>
/// </summary>
public sealed record RnnDynamics
{
    /// <summary>The default α = dt/τ = 0.1: ten steps per time constant, the usual choice for task-trained CTRNNs (fine
    /// enough that the Euler map is close to the flow, coarse enough that a 30-step trial spans three time constants).</summary>
    public const double DefaultAlpha = 0.1;

    /// <summary>The only integration method trained: forward Euler (the gradient is the exact adjoint of its steps).</summary>
    public const string EulerMethod = "euler";

    private RnnDynamics(RnnDynamicsKind kind, double alpha)
    {
        Kind = kind;
        Alpha = alpha;
    }

    /// <summary>The discrete map (the default of every trainer).</summary>
    public static RnnDynamics Discrete { get; } = new(RnnDynamicsKind.Discrete, 1.0);

    /// <summary>The continuous-time network with step ratio α = dt/τ, integrated by <paramref name="method"/>.</summary>
    /// <param name="alpha">dt/τ, in (0, 1]: α &gt; 1 would overshoot the leak (h's own weight 1 − α negative).</param>
    /// <param name="method">The integration method; only "euler" is trained (the discrete adjoint through the stages of
    /// a multi-stage tableau such as heun or rk4 is not implemented).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not in (0, 1] (NaN included).</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not "euler".</exception>
    public static RnnDynamics Continuous(double alpha = DefaultAlpha, string method = EulerMethod)
    {
        if (!(alpha > 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha: dt/τ must be in (0, 1], got {alpha.ToString("R", CultureInfo.InvariantCulture)}.");
        if (method != EulerMethod)
            throw new ArgumentException($"method: '{method}' is not trained; only '{EulerMethod}' is (the exact gradient through the stages of another tableau is not implemented).", nameof(method));
        return new RnnDynamics(RnnDynamicsKind.Continuous, alpha);
    }

    /// <summary>Discrete or continuous.</summary>
    public RnnDynamicsKind Kind { get; }

    /// <summary>α = dt/τ of the continuous network (1 for the discrete one, where it is not used).</summary>
    public double Alpha { get; }

    /// <summary>Whether this is the continuous-time network.</summary>
    public bool IsContinuous => Kind == RnnDynamicsKind.Continuous;

    /// <summary>τ in task steps (dt = 1): 1/α for the continuous network, 1 for the discrete one.</summary>
    public double TauInSteps => 1 / Alpha;

    /// <summary>"discrete" or "continuous:α" (e.g. "continuous:0.1"): the text of result tables and fingerprints.</summary>
    public string Label => IsContinuous ? string.Create(CultureInfo.InvariantCulture, $"continuous:{Alpha:R}") : "discrete";

    /// <inheritdoc/>
    public override string ToString() => Label;
}
