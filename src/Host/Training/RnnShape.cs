namespace FastAttractors.Training;

/// <summary>
/// Sizes of a discrete-time tanh RNN h_t = tanh(W h_{t−1} + U u_t + b), y_t = C h_t + d, and where each parameter
/// block lies in the flat parameter vector [W (n×n) | U (n×m) | b (n) | C (o×n) | d (o)], all row-major.
/// </summary>
public readonly record struct RnnShape
{
    /// <summary>The shape of a network with n hidden units, m inputs and o outputs.</summary>
    /// <param name="hidden">n, at least 1.</param>
    /// <param name="inputs">m, at least 1.</param>
    /// <param name="outputs">o, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or the parameter vector would be too long for an array.</exception>
    public RnnShape(int hidden, int inputs, int outputs)
    {
        if (hidden < 1)
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"hidden must be at least 1, got {hidden}.");
        if (inputs < 1)
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, $"inputs must be at least 1, got {inputs}.");
        if (outputs < 1)
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, $"outputs must be at least 1, got {outputs}.");
        if ((long)hidden * (hidden + inputs + outputs) > int.MaxValue / 2)
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"hidden = {hidden} makes the parameter vector too long.");
        Hidden = hidden;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>n: hidden units.</summary>
    public int Hidden { get; }

    /// <summary>m: input channels.</summary>
    public int Inputs { get; }

    /// <summary>o: readout channels (classes for cross-entropy).</summary>
    public int Outputs { get; }

    /// <summary>Start of W (n×n) in the parameter vector: 0.</summary>
    public int WOffset => 0;
    /// <summary>Start of U (n×m) in the parameter vector.</summary>
    public int UOffset => Hidden * Hidden;
    /// <summary>Start of b (n) in the parameter vector.</summary>
    public int BOffset => UOffset + Hidden * Inputs;
    /// <summary>Start of C (o×n) in the parameter vector.</summary>
    public int COffset => BOffset + Hidden;
    /// <summary>Start of d (o) in the parameter vector.</summary>
    public int DOffset => COffset + Outputs * Hidden;
    /// <summary>Length of the parameter vector: n² + nm + n + on + o.</summary>
    public int Count => DOffset + Outputs;

    /// <summary>The parameter blocks by name, offset and length, in vector order.</summary>
    public IReadOnlyList<(string Name, int Offset, int Length)> Blocks =>
    [
        ("W", WOffset, Hidden * Hidden), ("U", UOffset, Hidden * Inputs), ("b", BOffset, Hidden),
        ("C", COffset, Outputs * Hidden), ("d", DOffset, Outputs),
    ];
}
