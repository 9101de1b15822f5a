using System.Numerics;
using System.Numerics.Tensors;
using FastAttractors.Ode;

namespace FastAttractors.Lyapunov.Large;

/// <summary>
/// One RK4 step of a large shared-weight TanhRnn, state and n × k tangent block together, with the n × n products done
/// as one GEMM per stage: for stage state X_s and tangent input V_s, U = [d ⊙ V_s | tanh X_s] (d = 1 − tanh² X_s)
/// and W U gives both J V_s = (W (d ⊙ V_s) − V_s)/τ and f(X_s) = (W tanh X_s + b − X_s)/τ. The product is computed
/// transposed, (W U)ᵀ = Uᵀ Wᵀ, so that the column-major tangent block is the row-major packed operand A, Wᵀ is packed
/// once for the whole run, and the result lands column-major without a transpose.
/// </summary>
internal sealed class TanhRnnTangentRk4<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int n, k;
    private readonly T dt, invTau;
    private readonly double dtDouble, invTauDouble;
    private readonly T[] bias;
    private readonly double[] diagonal;
    private readonly ButcherTableau tableau = ButcherTableau.ClassicRk4;
    private readonly PackedOperand<T> weightsT;
    private readonly PackedOperand<T> packedU;
    private readonly T[] u, product, stageX, stageV, d;
    private readonly T[][] kx, kq;

    public TanhRnnTangentRk4(TanhRnn model, int k, double dt)
    {
        n = model.Dimension;
        this.k = k;
        dtDouble = dt;
        this.dt = T.CreateChecked(dt);
        invTauDouble = 1.0 / model.Tau.Values[0];
        invTau = T.CreateChecked(invTauDouble);
        bias = Convert(model.B.Values);
        var w = model.W.Values;
        diagonal = new double[n];
        for (int i = 0; i < n; i++)
            diagonal[i] = w[(long)i * n + i];
        // B = Wᵀ: B[p, j] = W[j, p], W row-major.
        weightsT = PackedOperand<T>.PackB(new StridedMatrix<T>(Convert(w), 0, n, n, 1, n));
        u = new T[n * (k + 1)];
        product = new T[n * (k + 1)];
        packedU = PackedOperand<T>.PackA(StridedMatrix<T>.ColumnMajor(u, n, k + 1).Transposed);
        stageX = new T[n];
        stageV = new T[n * k];
        d = new T[n];
        kx = Enumerable.Range(0, tableau.Stages).Select(_ => new T[n]).ToArray();
        kq = Enumerable.Range(0, tableau.Stages).Select(_ => new T[n * k]).ToArray();
    }

    /// <summary>Time spent in the packing and GEMMs, for the benchmark's split of tangent propagation against QR.</summary>
    public TimeSpan GemmTime { get; private set; }

    /// <summary>
    /// (x, q) → (nextX, nextQ) by the tableau; returns dt Σ b_s tr J(X_s) (the contraction for the sum rule) when
    /// <paramref name="contraction"/> is set, else 0.
    /// </summary>
    public double Step(ReadOnlySpan<T> x, ReadOnlySpan<T> q, Span<T> nextX, Span<T> nextQ, bool contraction)
    {
        double trace = 0;
        for (int s = 0; s < tableau.Stages; s++)
        {
            x.CopyTo(stageX);
            q.CopyTo(stageV);
            for (int j = 0; j < s; j++)
            {
                if (tableau.A[s][j] == 0)
                    continue;
                var h = dt * T.CreateChecked(tableau.A[s][j]);
                TensorPrimitives.MultiplyAdd<T>(kx[j], h, stageX, stageX);
                TensorPrimitives.MultiplyAdd<T>(kq[j], h, stageV, stageV);
            }
            var th = u.AsSpan(n * k, n);
            TensorPrimitives.Tanh<T>(stageX, th);
            TensorPrimitives.Multiply<T>(th, th, d);
            TensorPrimitives.Subtract<T>(T.One, d, d);
            for (int c = 0; c < k; c++)
                TensorPrimitives.Multiply<T>(stageV.AsSpan(c * n, n), d, u.AsSpan(c * n, n));
            if (contraction)
                trace += dtDouble * tableau.B[s] * Trace();
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            packedU.RefillA(StridedMatrix<T>.ColumnMajor(u, n, k + 1).Transposed);
            Gemm.Multiply(packedU, weightsT, product, 0, n, accumulate: false);
            GemmTime += System.Diagnostics.Stopwatch.GetElapsedTime(start);
            // J V = (W U_V − V)/τ over the whole block; f = (W tanh X + b − X)/τ.
            TensorPrimitives.Subtract<T>(product.AsSpan(0, n * k), stageV, kq[s]);
            TensorPrimitives.Multiply<T>(kq[s], invTau, kq[s]);
            var f = kx[s].AsSpan();
            TensorPrimitives.Add<T>(product.AsSpan(n * k, n), bias, f);
            TensorPrimitives.Subtract<T>(f, stageX, f);
            TensorPrimitives.Multiply<T>(f, invTau, f);
        }
        x.CopyTo(nextX);
        q.CopyTo(nextQ);
        for (int s = 0; s < tableau.Stages; s++)
        {
            var h = dt * T.CreateChecked(tableau.B[s]);
            TensorPrimitives.MultiplyAdd<T>(kx[s], h, nextX, nextX);
            TensorPrimitives.MultiplyAdd<T>(kq[s], h, nextQ, nextQ);
        }
        return trace;
    }

    /// <summary>tr J(X_s) = Σ_i (W_ii d_i − 1)/τ, in float64.</summary>
    private double Trace()
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += diagonal[i] * double.CreateTruncating(d[i]) - 1;
        return sum * invTauDouble;
    }

    public static T[] Convert(double[] values)
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = T.CreateChecked(values[i]);
        return result;
    }
}
