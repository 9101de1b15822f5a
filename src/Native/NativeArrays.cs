namespace FastAttractors.Native;

/// <summary>
/// Checked access to caller-owned arrays: every pointer is tested for NULL and every length against what the other
/// sizes imply before anything is read or computed, and each error names the C argument (e.g. "w_len").
/// </summary>
internal static unsafe class NativeArrays
{
    public static int Count(int value, string name, int minimum = 1)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"{name}: must be at least {minimum}, got {value}.");
        return value;
    }

    public static long Length(long value, string name)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(name + "_len", value, $"{name}_len: must not be negative, got {value}.");
        return value;
    }

    public static void RequireLength(long length, long expected, string name, string what)
    {
        Length(length, name);
        if (length != expected)
            throw new ArgumentException($"{name}_len: expected {what} = {expected}, got {length}.", name + "_len");
    }

    public static void RequirePointer(void* pointer, string name)
    {
        if (pointer == null)
            throw new ArgumentNullException(name, $"{name}: NULL pointer.");
    }

    /// <summary>Copies <paramref name="length"/> reals (float or double) into a new double array.</summary>
    public static double[] Read(void* pointer, long length, ElementType type, string name)
    {
        RequirePointer(pointer, name);
        // The exports check every length against ElementCounts first; this keeps a missed check an error, not a wrap.
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(name + "_len", length, $"{name}_len: {length} is more than one array can hold ({Array.MaxLength}).");
        var values = new double[length];
        if (type == ElementType.Float32)
        {
            var source = new ReadOnlySpan<float>(pointer, checked((int)length));
            for (int k = 0; k < values.Length; k++)
                values[k] = source[k];
        }
        else
        {
            new ReadOnlySpan<double>(pointer, checked((int)length)).CopyTo(values);
        }
        return values;
    }

    /// <summary>Checks an output array before the computation runs (a bad output must not cost a long run).</summary>
    public static void CheckOutput(void* pointer, long length, long expected, string name, string what)
    {
        RequirePointer(pointer, name);
        RequireLength(length, expected, name, what);
    }

    public static void Write(ReadOnlySpan<double> values, void* pointer, ElementType type)
    {
        if (type == ElementType.Float32)
        {
            var target = new Span<float>(pointer, values.Length);
            for (int k = 0; k < values.Length; k++)
                target[k] = (float)values[k];
        }
        else
        {
            values.CopyTo(new Span<double>(pointer, values.Length));
        }
    }

    public static void WriteDoubles(ReadOnlySpan<double> values, double* pointer) => values.CopyTo(new Span<double>(pointer, values.Length));

    public static void WriteInts(ReadOnlySpan<int> values, int* pointer) => values.CopyTo(new Span<int>(pointer, values.Length));
}
