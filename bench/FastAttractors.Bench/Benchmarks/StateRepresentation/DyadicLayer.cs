namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// One layer of a W7 network (rows × cols float32 weights and a bias, all multiples of 2⁻¹⁰ in [−0.5, 0.5], as
/// training on the dyadic grid leaves them) and a batch of ±1 input states in every representation, with the field
/// F = bias + W x of each trial computed by a plain float64 loop. Every partial sum is a multiple of 2⁻¹⁰ below 2¹⁴ in
/// magnitude, so float32 sums are exact in any order and every kernel must equal the float64 fields exactly.
/// </summary>
internal sealed class DyadicLayer
{
    public DyadicLayer(int rows, int cols, int trials, int seed)
    {
        Rows = rows;
        Cols = cols;
        Trials = trials;
        Padded = PackedStates.FloatPadded(rows);
        Words = PackedStates.Words(cols);
        var random = new Random(seed);
        double Dyadic() => random.Next(-512, 513) / 1024.0;

        var w = new double[rows * cols];
        for (int i = 0; i < w.Length; i++)
            w[i] = Dyadic();
        var bias = new double[rows];
        for (int r = 0; r < rows; r++)
            bias[r] = Dyadic();
        var states = new sbyte[trials * cols];
        for (int i = 0; i < states.Length; i++)
            states[i] = random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;

        // Rows along the vector lanes: column k of W is the contiguous run WeightsT[k·Padded ..].
        WeightsT = new float[cols * Padded];
        var columnSums = new double[Padded];
        Bias = new float[Padded];
        for (int r = 0; r < rows; r++)
        {
            Bias[r] = (float)bias[r];
            for (int k = 0; k < cols; k++)
            {
                WeightsT[k * Padded + r] = (float)w[r * cols + k];
                columnSums[r] += w[r * cols + k];
            }
        }
        HalfBiasMinusSums = new float[Padded];
        HalfBiasPlusSums = new float[Padded];
        for (int r = 0; r < rows; r++)
        {
            HalfBiasMinusSums[r] = (float)((bias[r] - columnSums[r]) / 2);
            HalfBiasPlusSums[r] = (float)((bias[r] + columnSums[r]) / 2);
        }

        FloatStates = new float[trials * cols];
        SbyteStates = new sbyte[trials * cols];
        BitStates = new ulong[trials * Words];
        for (int q = 0; q < trials; q++)
        {
            var s = states.AsSpan(q * cols, cols);
            PackedStates.ToFloat(s, FloatStates.AsSpan(q * cols, cols));
            PackedStates.ToSbyte(s, SbyteStates.AsSpan(q * cols, cols));
            PackedStates.ToBits(s, BitStates.AsSpan(q * Words, Words));
        }

        Expected = new double[trials * rows];
        for (int q = 0; q < trials; q++)
            for (int r = 0; r < rows; r++)
            {
                double f = bias[r];
                for (int k = 0; k < cols; k++)
                    f += w[r * cols + k] * states[q * cols + k];
                Expected[q * rows + r] = f;
            }
    }

    public int Rows { get; }
    public int Cols { get; }
    public int Trials { get; }
    /// <summary>Rows rounded up to whole Vector&lt;float&gt;s; the stride of WeightsT and of a trial's fields.</summary>
    public int Padded { get; }
    public int Words { get; }
    public float[] WeightsT { get; }
    public float[] Bias { get; }
    /// <summary>
    /// (b − Σ_k W[:, k]) / 2, where the bit-packed kernels start: F = 2·((b − Σ_k W[:, k]) / 2 + Σ_{x_k = +1} W[:, k])
    /// (exact on the dyadic grid: halving and doubling only move the exponent).
    /// </summary>
    public float[] HalfBiasMinusSums { get; }
    /// <summary>(b + Σ_k W[:, k]) / 2, the start when the −1 neurons are visited: F = 2·(that − Σ_{x_k = −1} W[:, k]).</summary>
    public float[] HalfBiasPlusSums { get; }
    public float[] FloatStates { get; }
    public sbyte[] SbyteStates { get; }
    public ulong[] BitStates { get; }
    public double[] Expected { get; }

    /// <summary>Throws unless fields[q·Padded + r] equals the float64 field for every trial and row.</summary>
    public void Check(string kernel, float[] fields)
    {
        for (int q = 0; q < Trials; q++)
            for (int r = 0; r < Rows; r++)
                if (fields[q * Padded + r] != Expected[q * Rows + r])
                    throw new InvalidOperationException(
                        $"{kernel}: field of trial {q}, row {r} is {fields[q * Padded + r]}, float64 loop gives {Expected[q * Rows + r]}");
    }
}
