// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training;

/// <summary>The parameters of a discrete-time tanh RNN (<see cref="RnnShape"/>) as one float64 vector.</summary>
public sealed class RnnParameters
{
    public RnnParameters(RnnShape shape, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != shape.Count)
            throw new ArgumentException($"values: shape {shape.Hidden}/{shape.Inputs}/{shape.Outputs} needs {shape.Count} values, got {values.Length}.", nameof(values));
        Shape = shape;
        Values = values;
    }

    public RnnShape Shape { get; }

    /// <summary>[W | U | b | C | d], row-major blocks (see <see cref="RnnShape"/>).</summary>
    public double[] Values { get; }

    public Span<double> W => Values.AsSpan(Shape.WOffset, Shape.Hidden * Shape.Hidden);
    public Span<double> U => Values.AsSpan(Shape.UOffset, Shape.Hidden * Shape.Inputs);
    public Span<double> B => Values.AsSpan(Shape.BOffset, Shape.Hidden);
    public Span<double> C => Values.AsSpan(Shape.COffset, Shape.Outputs * Shape.Hidden);
    public Span<double> D => Values.AsSpan(Shape.DOffset, Shape.Outputs);

    public RnnParameters Clone() => new(Shape, (double[])Values.Clone());

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
