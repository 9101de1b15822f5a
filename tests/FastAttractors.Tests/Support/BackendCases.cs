namespace FastAttractors.Tests.Support;

/// <summary>Test bodies written once and bound per backend (STYLE 12). GPU backends join when present.</summary>
public static class BackendCases
{
    public static IEnumerable<object[]> Float64() =>
        new[] { Backend.Reference, Backend.Simd, Backend.IlgpuCpu }
            .Concat(new[] { Backend.Cuda, Backend.OpenCL }.Where(DeviceCatalog.IsAvailable))
            .Select(b => new object[] { b });

    public static IEnumerable<object[]> AllWithPrecision() =>
        Float64().SelectMany(b => (Backend)b[0] == Backend.Reference
            ? new[] { new object[] { b[0], Precision.Float64 } }
            : new[] { new object[] { b[0], Precision.Float64 }, new object[] { b[0], Precision.Float32 } });
}
