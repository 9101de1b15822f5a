using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// What a chunk, shard or merged scan file records about its own rows (key–value metadata: first row, row count and
/// the <see cref="ScanChecksum"/> of its columns, beside the spec hash), and the check of a file against the rows its
/// name stands for: same spec, the recorded range is that range, the row ids are exactly that range in order, and
/// the content hashes to the recorded checksum. A copy of another chunk or shard, a truncated or bit-flipped file,
/// and a file of another scan all fail it.
/// </summary>
internal static class ScanFileProof
{
    public const string FirstRowKey = "fastattractors.scan.first_row";
    public const string RowCountKey = "fastattractors.scan.row_count";
    public const string ChecksumKey = "fastattractors.scan.checksum";

    public enum Outcome { Verified, Unreadable, OtherScan, OlderVersion, WrongRows, Corrupt }

    /// <summary>The check's result; <see cref="Table"/> is the file's rows when <see cref="Outcome"/> is Verified.</summary>
    public sealed record Verdict(Outcome Outcome, string Problem, ScanTable? Table, IReadOnlyDictionary<string, string>? Metadata)
    {
        public bool IsVerified => Outcome == Outcome.Verified;
    }

    /// <summary>The metadata entries that prove <paramref name="table"/>, whose first row is <paramref name="firstRow"/>.</summary>
    public static IEnumerable<(string Key, string Value)> Record(ScanTable table, long firstRow) =>
    [
        (FirstRowKey, firstRow.ToString(CultureInfo.InvariantCulture)),
        (RowCountKey, table.Rows.ToString(CultureInfo.InvariantCulture)),
        (ChecksumKey, ScanChecksum.Of(table)),
    ];

    /// <summary>
    /// Checks that <paramref name="path"/> holds exactly rows start … end−1 of the plan: the footer first (spec hash,
    /// recorded range, row count), so a corrupt file cannot make the reader allocate for rows it does not hold; then
    /// the whole file (row ids and checksum).
    /// </summary>
    public static Verdict Verify(string path, ScanJob plan, long start, long end)
    {
        long footerRows;
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            (footerRows, metadata) = ScanParquet.ReadFooter(path);
        }
        catch (InvalidDataException e)
        {
            return Unreadable(path, e);
        }
        var inv = CultureInfo.InvariantCulture;
        string expected = string.Create(inv, $"rows {start}…{end - 1}");
        if (metadata[ScanParquet.HashKey] != plan.Hash)
            return new(Outcome.OtherScan, $"belongs to another scan (spec hash {metadata[ScanParquet.HashKey]}, this one {plan.Hash})", null, metadata);
        if (!metadata.TryGetValue(ChecksumKey, out var recorded))
            return new(Outcome.OlderVersion, "written by an older version (no row range or content checksum recorded), so it cannot be verified", null, metadata);
        if (!long.TryParse(metadata.GetValueOrDefault(FirstRowKey), NumberStyles.None, inv, out long first)
            || !long.TryParse(metadata.GetValueOrDefault(RowCountKey), NumberStyles.None, inv, out long count))
            return new(Outcome.Corrupt, $"its recorded row range ({FirstRowKey} '{metadata.GetValueOrDefault(FirstRowKey)}', {RowCountKey} '{metadata.GetValueOrDefault(RowCountKey)}') is not a pair of counts", null, metadata);
        if (first != start || count != end - start)
            return new(Outcome.WrongRows, string.Create(inv, $"records rows {first}…{first + count - 1}, but its name stands for {expected} (a copy of another file?)"), null, metadata);
        if (footerRows != count)
            return new(Outcome.Corrupt, string.Create(inv, $"holds {footerRows} rows but records {count}"), null, metadata);
        ScanTable table;
        try
        {
            table = ScanParquet.Read(path).Table;
        }
        catch (InvalidDataException e)
        {
            return Unreadable(path, e);
        }
        if (!table.Columns.Select(c => c.Name).SequenceEqual(ScanTable.ColumnNames(plan)))
            return new(Outcome.Corrupt, $"its columns ({string.Join(", ", table.Columns.Select(c => c.Name))}) are not this scan's", null, metadata);
        if (table.Rows != count || !IsRange(table.RowIndex, start))
            return new(Outcome.Corrupt, $"its row ids are not exactly {expected} in order", null, metadata);
        if (ScanChecksum.Of(table) != recorded)
            return new(Outcome.Corrupt, "its content does not match its recorded checksum (corrupted)", null, metadata);
        return new(Outcome.Verified, "", table, metadata);
    }

    private static Verdict Unreadable(string path, InvalidDataException e)
    {
        string message = e.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message;
        return new(Outcome.Unreadable, message, null, null);
    }

    private static bool IsRange(long[] rows, long start)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] != start + i)
                return false;
        }
        return true;
    }
}
