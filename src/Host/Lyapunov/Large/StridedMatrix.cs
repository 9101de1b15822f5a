namespace FastAttractors.Lyapunov.Large;

/// <summary>
/// A rows × cols matrix read from <see cref="Data"/> with element (i, j) at Offset + i·RowStride + j·ColStride, so the
/// GEMM packs row-major, column-major and transposed operands through one path.
/// </summary>
internal readonly record struct StridedMatrix<T>(T[] Data, int Offset, int Rows, int Cols, int RowStride, int ColStride)
{
    public static StridedMatrix<T> RowMajor(T[] data, int rows, int cols) => new(data, 0, rows, cols, cols, 1);

    public static StridedMatrix<T> ColumnMajor(T[] data, int rows, int cols) => new(data, 0, rows, cols, 1, rows);

    /// <summary>The same storage read as the transpose (cols × rows).</summary>
    public StridedMatrix<T> Transposed => new(Data, Offset, Cols, Rows, ColStride, RowStride);

    public T this[int i, int j] => Data[Offset + (long)i * RowStride + (long)j * ColStride];

    public void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(Data, name);
        if (Rows < 0 || Cols < 0)
            throw new ArgumentOutOfRangeException(name, $"{name}: shape {Rows} × {Cols} must be non-negative.");
        if (Rows == 0 || Cols == 0)
            return;
        long first = Offset + Math.Min(0L, (long)(Rows - 1) * RowStride) + Math.Min(0L, (long)(Cols - 1) * ColStride);
        long last = Offset + Math.Max(0L, (long)(Rows - 1) * RowStride) + Math.Max(0L, (long)(Cols - 1) * ColStride);
        if (first < 0 || last >= Data.Length)
            throw new ArgumentException(
                $"{name}: {Rows} × {Cols} with offset {Offset}, strides ({RowStride}, {ColStride}) reaches [{first}, {last}] outside its {Data.Length} values.", name);
    }
}
