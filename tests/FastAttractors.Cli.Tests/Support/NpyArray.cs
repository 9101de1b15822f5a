using Xunit;

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace FastAttractors.Cli.Tests.Support;

/// <summary>
/// A minimal .npy / .npz reader, written independently of the CLI's writer from the numpy format spec: it checks the
/// magic, version 1.0, the 64-byte alignment and C order, and decodes '&lt;f8', '&lt;i4', '&lt;i8'.
/// </summary>
public sealed partial record NpyArray(string Descr, long[] Shape, byte[] Data)
{
    public static NpyArray Read(byte[] file)
    {
        Assert.True(file.Length >= 10 && file[0] == 0x93 && Encoding.ASCII.GetString(file, 1, 5) == "NUMPY", "bad magic");
        Assert.Equal(1, file[6]);
        Assert.Equal(0, file[7]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        int dataStart = 10 + headerLength;
        Assert.Equal(0, dataStart % 64);
        string header = Encoding.ASCII.GetString(file, 10, headerLength);
        Assert.EndsWith("\n", header);
        Assert.Contains("'fortran_order': False", header);
        string descr = DescrPattern().Match(header).Groups[1].Value;
        string dims = ShapePattern().Match(header).Groups[1].Value;
        var shape = dims.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();
        return new NpyArray(descr, shape, file[dataStart..]);
    }

    public static Dictionary<string, NpyArray> ReadNpz(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var arrays = new Dictionary<string, NpyArray>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Assert.EndsWith(".npy", entry.FullName);
            arrays[entry.FullName[..^4]] = Read(buffer.ToArray());
        }
        return arrays;
    }

    /// <summary>The arrays of a result npz without the metadata beside them (param_NAME, meta_json: see ResultMetadataTests).</summary>
    public static IEnumerable<string> ResultArrays(IReadOnlyDictionary<string, NpyArray> arrays) =>
        arrays.Keys.Where(k => !k.StartsWith("param_", StringComparison.Ordinal) && k != "meta_json");

    public double[] Doubles()
    {
        Assert.Equal("<f8", Descr);
        return Decode(8, s => BinaryPrimitives.ReadDoubleLittleEndian(s));
    }

    public int[] Int32s()
    {
        Assert.Equal("<i4", Descr);
        return Decode(4, s => BinaryPrimitives.ReadInt32LittleEndian(s));
    }

    /// <summary>A 0-d numpy unicode array ('&lt;Un': n UTF-32 little-endian code points, trailing NULs padding).</summary>
    public string Text()
    {
        Assert.StartsWith("<U", Descr);
        Assert.Empty(Shape);
        int length = int.Parse(Descr[2..]);
        Assert.Equal(length * 4, Data.Length);
        return Encoding.UTF32.GetString(Data).TrimEnd('\0');
    }

    public long[] Int64s()
    {
        Assert.Equal("<i8", Descr);
        return Decode(8, s => BinaryPrimitives.ReadInt64LittleEndian(s));
    }

    private T[] Decode<T>(int size, Func<ReadOnlySpan<byte>, T> read)
    {
        long count = Shape.Aggregate(1L, (a, d) => a * d);
        Assert.Equal(count * size, Data.Length);
        var values = new T[count];
        for (long k = 0; k < count; k++)
            values[k] = read(Data.AsSpan((int)(k * size), size));
        return values;
    }

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
