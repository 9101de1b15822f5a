namespace FastAttractors.Degeneracy;

/// <summary>
/// Argument checks shared by the degeneracy analyses. Each throws <see cref="ArgumentException"/> (or a subclass)
/// naming the argument and the offending value, and is called before any allocation that scales with the input.
/// </summary>
internal static class Require
{
    public static void NotNull(object? value, string name)
    {
        if (value is null)
            throw new ArgumentNullException(name, $"'{name}' must not be null.");
    }

    /// <summary>
    /// Two non-null lists read side by side, <paramref name="second"/> holding <paramref name="entry"/> (say, "one start
    /// matrix per network") for each item of <paramref name="first"/>.
    /// </summary>
    public static void Matching<TFirst, TSecond>(IReadOnlyCollection<TFirst> first, IReadOnlyCollection<TSecond> second,
        string firstName, string secondName, string entry)
    {
        NotNull(first, firstName);
        NotNull(second, secondName);
        if (first.Count != second.Count)
            throw new ArgumentException($"'{secondName}' must hold {entry} ({first.Count}), got {second.Count}.", secondName);
    }

    public static void Square(double[,] matrix, string name)
    {
        NotNull(matrix, name);
        if (matrix.GetLength(0) != matrix.GetLength(1) || matrix.GetLength(0) == 0)
            throw new ArgumentException($"'{name}' must be a non-empty square matrix, got {matrix.GetLength(0)} x {matrix.GetLength(1)}.", name);
    }

    /// <summary>Two finite square matrices of one size (the pair a matrix comparison takes), checked in argument order.</summary>
    public static void FiniteSquarePair(double[,] first, double[,] second, string firstName, string secondName)
    {
        Square(first, firstName);
        Square(second, secondName);
        if (first.GetLength(0) != second.GetLength(0))
            throw new ArgumentException($"'{secondName}' must be {first.GetLength(0)} x {first.GetLength(0)} like '{firstName}', got {second.GetLength(0)} x {second.GetLength(1)}.", secondName);
        Finite(first, firstName);
        Finite(second, secondName);
    }

    public static void Finite(double[,] matrix, string name)
    {
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                if (!double.IsFinite(matrix[i, j]))
                    throw new ArgumentException($"'{name}'[{i}, {j}] must be finite, got {matrix[i, j]}.", name);
            }
        }
    }

    public static void Finite(double[] vector, string name)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            if (!double.IsFinite(vector[i]))
                throw new ArgumentException($"'{name}'[{i}] must be finite, got {vector[i]}.", name);
        }
    }

    public static void Length(double[] vector, int length, string name)
    {
        NotNull(vector, name);
        if (vector.Length != length)
            throw new ArgumentException($"'{name}' must have {length} values, got {vector.Length}.", name);
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be positive and finite, got {value}.");
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be non-negative and finite, got {value}.");
    }

    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be at least {minimum}, got {value}.");
    }

    public static void AtMost(int value, int maximum, string name)
    {
        if (value > maximum)
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be at most {maximum}, got {value}.");
    }
}
