using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using ILGPU.Runtime;

namespace FastAttractors.Backends;

/// <summary>
/// Runs an ensemble on a device in chunks of members that fit its memory, for every ILGPU estimator (integration,
/// Lyapunov spectra, gradients). Members are independent and every per-member quantity is a function of the member
/// index alone, so the split never changes results.
/// </summary>
internal static class DeviceChunks
{
    /// <summary>Values of the per-member parameter blocks, which each member carries to the device.</summary>
    public static long PerMemberParameters(IModelBinding binding) =>
        binding.DeviceParameters.Where(b => b.PerMember).Sum(b => (long)b.Length);

    /// <summary>
    /// Members per chunk: what fits in 70 % of <paramref name="deviceBytes"/> beside the shared parameters at
    /// <paramref name="bytesPerMember"/> each, at most all members and at most <paramref name="requested"/>. When not one
    /// member fits: an ArgumentException for <paramref name="argument"/> that says what <paramref name="work"/> needs
    /// and gives the capability's <paramref name="advice"/>.
    /// </summary>
    public static int Size(IModelBinding binding, int members, int? requested, long bytesPerMember, int elementSize, long deviceBytes,
        string work, string advice, string argument)
    {
        long shared = binding.DeviceParameters.Where(b => !b.PerMember).Sum(b => (long)b.Length) * elementSize;
        long budget = (long)(0.7 * deviceBytes) - shared;
        long fits = budget / bytesPerMember;
        if (fits < 1)
            throw new ArgumentException(
                $"{work} needs {bytesPerMember} bytes of device memory beyond {shared} bytes of shared parameters, "
                + $"but the device has {deviceBytes} bytes; {advice}", argument);
        long chunk = Math.Min(Math.Min(fits, members), int.MaxValue);
        if (requested is { } most)
            chunk = Math.Min(chunk, most);
        return (int)chunk;
    }

    /// <summary>
    /// For each chunk [first, first + count) of <paramref name="members"/>: uploads the chunk's parameters, binds the
    /// model to the sink <paramref name="runner"/> makes for the chunk (which allocates, launches and collects), then
    /// frees the parameter buffers.
    /// </summary>
    public static void Run<T>(Accelerator accelerator, IModelBinding binding, int members, int chunk, Func<int, int, IKernelModelSink<T>> runner)
        where T : unmanaged, IReal<T>, ILift<T, T>
    {
        for (int first = 0; first < members; first += chunk)
        {
            int count = Math.Min(chunk, members - first);
            var buffers = new List<MemoryBuffer>();
            try
            {
                var views = binding.DeviceParameters.Select(b => ParameterUpload.Upload<T>(accelerator, b, first, count, buffers)).ToArray();
                binding.BindKernel(views, runner(first, count));
            }
            finally
            {
                foreach (var buffer in buffers)
                    buffer.Dispose();
            }
        }
    }

    /// <summary>
    /// Members [first, first + count) of an n × members member-fastest float64 array (initial states), as the chunk's
    /// SoA array in T: component i of chunk member j at i·count + j.
    /// </summary>
    public static T[] Gather<T>(double[] source, int n, int members, int first, int count) where T : unmanaged, IReal<T>
    {
        var chunk = new T[(long)n * count];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < count; j++)
                chunk[(long)i * count + j] = T.FromDouble(source[(long)i * members + first + j]);
        return chunk;
    }
}
