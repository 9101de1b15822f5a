using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace FastAttractors.Cli.Output;

/// <summary>
/// numpy's .npy format, version 1.0: magic "\x93NUMPY", version bytes 1 0, a little-endian uint16 header length, an
/// ASCII Python dict literal (descr, fortran_order, shape) padded with spaces and ended by '\n' so the data starts at a
/// multiple of 64 bytes, then the raw little-endian values in C order.
/// See https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html.
/// </summary>
internal static class NpyWriter
{
    private const int Alignment = 64;

    public static void Write(Stream stream, ReadOnlySpan<double> values, params long[] shape) =>
        Write(stream, "<f8", values, shape, (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v));

    public static void Write(Stream stream, ReadOnlySpan<int> values, params long[] shape) =>
        Write(stream, "<i4", values, shape, (s, v) => BinaryPrimitives.WriteInt32LittleEndian(s, v));

    public static void Write(Stream stream, ReadOnlySpan<long> values, params long[] shape) =>
        Write(stream, "<i8", values, shape, (s, v) => BinaryPrimitives.WriteInt64LittleEndian(s, v));

    /// <summary>
    /// One string as a 0-d numpy unicode array ('&lt;U<i>length</i>': UTF-32 little-endian code points), which
    /// <c>np.load</c> reads without pickling; <c>str(npz["meta_json"])</c> gives the text back.
    /// </summary>
    public static void WriteText(Stream stream, string text)
    {
        var codePoints = text.EnumerateRunes().Select(r => r.Value).ToArray();
        stream.Write(Header($"<U{Math.Max(1, codePoints.Length).ToString(CultureInfo.InvariantCulture)}", []));
        var bytes = new byte[Math.Max(1, codePoints.Length) * 4];
        for (int i = 0; i < codePoints.Length; i++)
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), codePoints[i]);
        stream.Write(bytes);
    }

    /// <summary>The header bytes, exposed for tests of the padding rule.</summary>
    public static byte[] Header(string descr, IReadOnlyList<long> shape)
    {
        string dims = shape.Count == 1
            ? $"({shape[0].ToString(CultureInfo.InvariantCulture)},)" // a one-element tuple needs its trailing comma
            : "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {dims}, }}";
        const int preamble = 10; // magic (6) + version (2) + header length (2)
        int padded = (preamble + dict.Length + 1 + Alignment - 1) / Alignment * Alignment;
        string text = dict + new string(' ', padded - preamble - dict.Length - 1) + "\n";
        var header = new byte[padded];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checked((ushort)text.Length));
        Encoding.ASCII.GetBytes(text, header.AsSpan(preamble));
        return header;
    }

    private static void Write<T>(Stream stream, string descr, ReadOnlySpan<T> values, long[] shape, SpanWriter<T> writeOne)
        where T : unmanaged
    {
        long count = shape.Aggregate(1L, (a, d) => a * d);
        if (count != values.Length)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} values, got {values.Length}.", nameof(shape));
        stream.Write(Header(descr, shape));
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        Span<byte> one = stackalloc byte[Marshal.SizeOf<T>()];
        foreach (var v in values)
        {
            writeOne(one, v);
            stream.Write(one);
        }
    }

    private delegate void SpanWriter<T>(Span<byte> destination, T value);
}
