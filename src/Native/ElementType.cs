namespace FastAttractors.Native;

/// <summary>The element type of a call's real arrays, chosen by the C function's suffix (_f64, _f32); it is also the precision the engine computes in.</summary>
internal enum ElementType
{
    Float64 = 0,
    Float32 = 1,
}

internal static class ElementTypes
{
    public static ElementType Check(int value) => value switch
    {
        0 => ElementType.Float64,
        1 => ElementType.Float32,
        _ => throw new ArgumentOutOfRangeException("dtype", value, $"dtype: internal element type must be 0 (f64) or 1 (f32), got {value}."),
    };

    public static Precision Precision(this ElementType type) => type == ElementType.Float32 ? FastAttractors.Precision.Float32 : FastAttractors.Precision.Float64;
}
