namespace FastAttractors.Training;

/// <summary>The parameters of a discrete-time tanh RNN (<see cref="RnnShape"/>) as one float64 vector.</summary>
public sealed class RnnParameters
{
    /// <summary>Wraps <paramref name="values"/> (not copied) as the parameters of a network of the given shape.</summary>
    /// <param name="shape">Sizes of the network.</param>
    /// <param name="values">[W | U | b | C | d], <see cref="RnnShape.Count"/> values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length.</exception>
    public RnnParameters(RnnShape shape, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != shape.Count)
            throw new ArgumentException($"values: shape {shape.Hidden}/{shape.Inputs}/{shape.Outputs} needs {shape.Count} values, got {values.Length}.", nameof(values));
        Shape = shape;
        Values = values;
    }

    /// <summary>Sizes of the network.</summary>
    public RnnShape Shape { get; }

    /// <summary>[W | U | b | C | d], row-major blocks (see <see cref="RnnShape"/>).</summary>
    public double[] Values { get; }

    /// <summary>Recurrent weights, n×n row-major (a view into <see cref="Values"/>).</summary>
    public Span<double> W => Values.AsSpan(Shape.WOffset, Shape.Hidden * Shape.Hidden);
    /// <summary>Input weights, n×m row-major (a view into <see cref="Values"/>).</summary>
    public Span<double> U => Values.AsSpan(Shape.UOffset, Shape.Hidden * Shape.Inputs);
    /// <summary>Hidden bias, n values (a view into <see cref="Values"/>).</summary>
    public Span<double> B => Values.AsSpan(Shape.BOffset, Shape.Hidden);
    /// <summary>Readout weights, o×n row-major (a view into <see cref="Values"/>).</summary>
    public Span<double> C => Values.AsSpan(Shape.COffset, Shape.Outputs * Shape.Hidden);
    /// <summary>Readout bias, o values (a view into <see cref="Values"/>).</summary>
    public Span<double> D => Values.AsSpan(Shape.DOffset, Shape.Outputs);

    /// <summary>A deep copy (its own value array).</summary>
    public RnnParameters Clone() => new(Shape, (double[])Values.Clone());

    /// <summary>Whether no value is NaN or infinite.</summary>
    public bool AllFinite()
    {
        foreach (double v in Values)
        {
            if (!double.IsFinite(v))
                return false;
        }
        return true;
    }
}
