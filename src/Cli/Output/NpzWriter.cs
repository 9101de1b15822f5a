using System.IO.Compression;

namespace FastAttractors.Cli.Output;

/// <summary>
/// A numpy .npz: a zip archive holding one NAME.npy per array, as <c>numpy.savez</c> writes it (entries stored,
/// uncompressed: the float data barely compresses and storing keeps writing at disk speed). Written atomically.
/// </summary>
internal sealed class NpzWriter
{
    private readonly List<(string Name, Action<Stream> Write)> arrays = [];

    public NpzWriter Add(string name, double[] values, params long[] shape) => Add(name, s => NpyWriter.Write(s, values, shape));

    public NpzWriter Add(string name, int[] values, params long[] shape) => Add(name, s => NpyWriter.Write(s, values, shape));

    public NpzWriter Add(string name, long[] values, params long[] shape) => Add(name, s => NpyWriter.Write(s, values, shape));

    /// <summary>A string as a 0-d unicode array (see <see cref="NpyWriter.WriteText"/>).</summary>
    public NpzWriter AddText(string name, string text) => Add(name, s => NpyWriter.WriteText(s, text));

    public void Save(string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, write) in arrays)
            {
                using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
                write(entry);
            }
        });

    private NpzWriter Add(string name, Action<Stream> write)
    {
        arrays.Add((name, write));
        return this;
    }
}
