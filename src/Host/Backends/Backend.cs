namespace FastAttractors;

/// <summary>Where the engine runs. Default choice: Cuda, then OpenCL, then Simd.</summary>
public enum Backend
{
    /// <summary>ILGPU PTX kernels on an NVIDIA GPU.</summary>
    Cuda,

    /// <summary>ILGPU OpenCL C kernels (OpenCL C ≥ 2.0 devices).</summary>
    OpenCL,

    /// <summary>The same ILGPU kernels on ILGPU's CPU accelerator: runs the real kernel source without a GPU (tests).</summary>
    IlgpuCpu,

    /// <summary>Vectorised C# across members: the production CPU path.</summary>
    Simd,

    /// <summary>Scalar float64 C#, written for clarity: the oracle.</summary>
    Reference,
}

/// <summary>Floating-point precision of the state and parameters during integration.</summary>
public enum Precision
{
    /// <summary>IEEE single precision (states and parameters rounded to float).</summary>
    Float32,
    /// <summary>IEEE double precision.</summary>
    Float64,
}
