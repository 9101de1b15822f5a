namespace FastAttractors;

/// <summary>One place the engine can run, as listed by <c>fastattractors devices</c>.</summary>
/// <param name="Backend">The backend that would use it.</param>
/// <param name="Name">Device or CPU name.</param>
/// <param name="MemoryBytes">Device memory (GPU) or physical memory available to the process (CPU).</param>
/// <param name="Capability">Compute capability (Cuda), OpenCL C version (OpenCL) or SIMD vector width (CPU paths).</param>
/// <param name="Usable">False when present but not usable by the engine (e.g. OpenCL C below 2.0).</param>
public sealed record DeviceInfo(Backend Backend, string Name, long MemoryBytes, string Capability, bool Usable);
