namespace FastAttractors.Bench;

/// <summary>
/// Floating-point operations per member-step of one workload: plain arithmetic (an FMA counts 2) and tanh calls
/// apart, so the tanh cost is an explicit, printed assumption and not hidden in the total.
/// </summary>
/// <param name="Arithmetic">adds, multiplies, FMAs (2 each) per member-step.</param>
/// <param name="TanhCalls">tanh (and log) evaluations per member-step.</param>
internal sealed record FlopCount(double Arithmetic, double TanhCalls)
{
    /// <summary>
    /// Flops charged per tanh: TensorPrimitives' float tanh is exp-based (range reduction, a degree-5/6 polynomial,
    /// one division), about 20 operations; an assumption, printed with every table.
    /// </summary>
    public const double FlopsPerTanh = 20;

    public double Total => Arithmetic + TanhCalls * FlopsPerTanh;

    /// <summary>
    /// Classic RK4 on dx/dt = −x + W tanh(x) + b with an n × n W, per member-step:
    /// <list type="bullet">
    /// <item>one right-hand side: W tanh(x) is n² FMAs = 2n² flops; "b − x" and the 1/τ scaling are 2n; n tanh.</item>
    /// <item>four stages: 4 (2n² + 2n) flops and 4n tanh.</item>
    /// <item>stage inputs x + (dt/2) k1, x + (dt/2) k2, x + dt k3: 3 axpys of 2n = 6n.</item>
    /// <item>update x + dt/6 (k1 + 2 k2 + 2 k3 + k4): 4 FMAs per component = 8n.</item>
    /// </list>
    /// Total 8n² + 22n flops + 4n tanh. n = 16: 2,400 flops + 64 tanh (3,680 with tanh at 20); n = 64: 34,176 + 256 tanh.
    /// </summary>
    public static FlopCount TanhRnnRk4(int n) => new(4.0 * (2.0 * n * n + 2 * n) + 6 * n + 8 * n, 4 * n);

    /// <summary>
    /// Classic RK4 on Lorenz (σ, ρ, β), per member-step: σ(y − x) 2, x(ρ − z) − y 3, xy − βz 3 = 8 flops per stage,
    /// 32 for four stages; stage inputs 3 axpys × 2 × 3 = 18; update 4 FMAs × 2 × 3 = 24. Total 74 flops.
    /// </summary>
    public static FlopCount LorenzRk4 { get; } = new(4 * 8 + 18 + 24, 0);

    /// <summary>
    /// Full Lyapunov spectrum of a TanhRnn by the Benettin QR method (W3), per member-step: the state's RK4
    /// (<see cref="TanhRnnRk4"/>) plus k tangent columns through the same four stages, plus a QR every
    /// <paramref name="every"/> steps:
    /// <list type="bullet">
    /// <item>per stage, D = 1 − tanh² from the state's tanh: 2n; per column J v = (W (D ⊙ v) − v)/τ: n multiplies,
    /// n² FMAs = 2n², n subtracts and n scalings: 2n² + 3n. Four stages: 4 (2n + k (2n² + 3n)).</item>
    /// <item>tangent stage inputs, 3 axpys of n·k: 6nk; update, 4 FMAs per entry: 8nk.</item>
    /// <item>QR as the Simd and ILGPU estimators run it, modified Gram–Schmidt applied twice: per pass k(k − 1)/2
    /// column pairs × (dot n FMAs + axpy n FMAs) = 2n k(k − 1) flops, then k norms (2n) and scalings (n): 4n k(k − 1)
    /// + 3nk, plus k logs of |R_ii| charged as tanh calls; divided by <paramref name="every"/>.</item>
    /// </list>
    /// n = k = 16, every 10: state 2,400 + 64 tanh; tangents 35,968 + 3,584; QR 16,128 / 10 = 1,613 + 1.6 logs:
    /// 43,565 flops + 65.6 tanh/log (≈ 44,877 with those at 20). The tangents are 91 % of the arithmetic, the QR 3.7 %.
    /// </summary>
    public static FlopCount TanhRnnLyapunov(int n, int k, int every)
    {
        double tangents = 4.0 * (2 * n + k * (2.0 * n * n + 3 * n)) + 14.0 * n * k;
        double qr = (4.0 * n * k * (k - 1) + 3.0 * n * k) / every;
        return new(TanhRnnRk4(n).Arithmetic + tangents + qr, TanhRnnRk4(n).TanhCalls + (double)k / every);
    }

    /// <summary>
    /// Full Lyapunov spectrum of dx/dt = −x + tanh(W x) (the rotation-block flow of W4, Eq. 20) by the Benettin QR
    /// method, per member-step, as the Simd tile path runs it (TanhOfLinearSimd), charged the same on every backend:
    /// <list type="bullet">
    /// <item>per stage, the state: W x, n² FMAs = 2n²; tanh (n calls) and d = sech²(W x) (n calls: one exp each, plus
    /// about 5 flops for −2|u|, 1 + e, its square, 4e and the division: 5n); f = tanh − x: n. 2n² + 6n flops, 2n calls.</item>
    /// <item>per stage, k tangent columns J v = d ⊙ (W v) − v: n² FMAs and n multiply-subtracts each: k (2n² + 2n).</item>
    /// <item>per stage, tr J = Σ (d_i W_ii − 1) for the sum rule (k = n): 3n. It is only needed while accumulating;
    /// charged on every step, an over-count of 12n flops per transient step (2 % of the total for n = 2).</item>
    /// <item>stage inputs of state and tangents, 3 axpys of n (k + 1): 6n (k + 1); update, 4 FMAs per entry: 8n (k + 1).</item>
    /// <item>QR every <paramref name="every"/> steps, as <see cref="TanhRnnLyapunov"/>: 4n k(k − 1) + 3nk flops and k logs.</item>
    /// </list>
    /// n = k = 2, every 2 (dt 0.05, QR every 0.1): stages 4 × (20 + 24 + 6) = 200, stage inputs and update 84, QR 28 / 2 = 14:
    /// 298 flops + 16 tanh/exp + 1 log per step (≈ 638 with those at 20). Transcendentals are half the charged work: a
    /// 2-D system spends its time in tanh and exp, not in FMAs, so its fraction of the FMA peak is low by nature.
    /// </summary>
    public static FlopCount TanhOfLinearLyapunov(int n, int k, int every)
    {
        double stage = 2.0 * n * n + 6 * n + k * (2.0 * n * n + 2 * n) + 3 * n;
        double stepping = 14.0 * n * (k + 1);
        double qr = (4.0 * n * k * (k - 1) + 3.0 * n * k) / every;
        return new(4 * stage + stepping + qr, 4.0 * 2 * n + (double)k / every);
    }
}
