using FastAttractors.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace FastAttractors.Backends;

/// <summary>Model parameters onto a device for one chunk of members, in the layout <see cref="ParamView{T}"/> reads.</summary>
internal static class ParameterUpload
{
    /// <summary>Shared blocks go up whole; per-member blocks as the chunk's columns with stride = chunk size.</summary>
    public static ParamView<T> Upload<T>(Accelerator accelerator, ParameterBlock block, int first, int count, List<MemoryBuffer> owned)
        where T : unmanaged, IReal<T>
    {
        T[] host;
        if (block.PerMember)
        {
            host = new T[(long)block.Length * count];
            for (int p = 0; p < block.Length; p++)
                for (int j = 0; j < count; j++)
                    host[(long)p * count + j] = T.FromDouble(block.Values[(long)p * block.Members + first + j]);
        }
        else
        {
            host = block.Values.Length == 0 ? [T.FromDouble(0)] : Array.ConvertAll(block.Values, T.FromDouble);
        }
        var buffer = accelerator.Allocate1D(host);
        owned.Add(buffer);
        return block.PerMember ? ParamView<T>.PerMember(buffer.View, count) : ParamView<T>.Shared(buffer.View);
    }
}
