using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The content checksum a scan file records of its rows: <c>sha256:</c> and the lower-case hex SHA-256 of the table's
/// canonical bytes, which are, for each column in file order, the column name (int32 byte length, then UTF-8), a type
/// tag byte (<c>l</c> int64, <c>i</c> int32, <c>d</c> float64, <c>s</c> string), the row count (int64), then the values:
/// int64 and int32 little-endian, float64 as its IEEE-754 bits little-endian (so −0 and NaN payloads count), strings
/// as int32 byte length then UTF-8. Independent of Parquet's encoding and compression: the same rows give the same
/// checksum whoever wrote the file.
/// </summary>
internal static class ScanChecksum
{
    public const string Prefix = "sha256:";

    public static string Of(ScanTable table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, values) in table.Columns)
        {
            Text(hash, name);
            switch (values)
            {
                case long[] l: Header(hash, 'l', l.Length); Values(hash, l); break;
                case int[] i: Header(hash, 'i', i.Length); Values(hash, i); break;
                case double[] d: Header(hash, 'd', d.Length); Values(hash, d); break;
                case string[] s:
                    Header(hash, 's', s.Length);
                    foreach (var text in s)
                        Text(hash, text);
                    break;
                default: throw new InvalidOperationException($"column {name}: unsupported type {values.GetType()}");
            }
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Header(IncrementalHash hash, char tag, long rows)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = (byte)tag;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], rows);
        hash.AppendData(bytes);
    }

    private static void Text(IncrementalHash hash, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
        hash.AppendData(length);
        hash.AppendData(utf8);
    }

    private static void Values<T>(IncrementalHash hash, T[] values) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("scan checksums are defined on little-endian bytes; this machine is big-endian.");
        hash.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
