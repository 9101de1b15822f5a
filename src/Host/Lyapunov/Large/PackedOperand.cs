namespace FastAttractors.Lyapunov.Large;

/// <summary>
/// A GEMM operand copied once into the order the micro-kernel reads it: strips of <see cref="Width"/> rows of A (or
/// columns of B), each strip holding, for every p along the shared dimension, its Width values contiguously
/// (element (p, r) of strip s at s·Width·Depth + p·Width + r). Rows or columns past the edge are zero, so the kernel
/// never branches on shape; the layout does not depend on the cache block along the shared dimension.
/// </summary>
internal sealed class PackedOperand<T> where T : unmanaged
{
    private PackedOperand(int extent, int depth, int width)
    {
        Extent = extent;
        Depth = depth;
        Width = width;
        Strips = (extent + width - 1) / width;
        Data = new T[(long)Strips * width * depth];
    }

    /// <summary>Rows of A or columns of B.</summary>
    public int Extent { get; }

    /// <summary>The shared (inner-product) dimension.</summary>
    public int Depth { get; }

    public int Width { get; }
    public int Strips { get; }
    public T[] Data { get; }

    /// <summary>Rows of A in strips of <see cref="GemmKernel.Mr"/>.</summary>
    public static PackedOperand<T> PackA(StridedMatrix<T> a)
    {
        a.Validate(nameof(a));
        var packed = new PackedOperand<T>(a.Rows, a.Cols, GemmKernel.Mr);
        packed.Fill(a);
        return packed;
    }

    /// <summary>Columns of B in strips of <see cref="GemmKernel.Nr{T}"/>.</summary>
    public static PackedOperand<T> PackB(StridedMatrix<T> b)
    {
        b.Validate(nameof(b));
        var packed = new PackedOperand<T>(b.Cols, b.Rows, GemmKernel.Nr<T>());
        packed.Fill(b.Transposed);
        return packed;
    }

    /// <summary>Re-packs A of the same shape into this buffer (the tangent block changes every stage; its buffer need not).</summary>
    public void RefillA(StridedMatrix<T> a)
    {
        a.Validate(nameof(a));
        if (a.Rows != Extent || a.Cols != Depth || Width != GemmKernel.Mr)
            throw new ArgumentException($"a: {a.Rows} × {a.Cols} does not match the packed {Extent} × {Depth} A.", nameof(a));
        Fill(a);
    }

    /// <summary>Source rows are this operand's strip rows (A itself, or Bᵀ), columns run along the depth.</summary>
    private void Fill(StridedMatrix<T> source)
    {
        // Packing is O(extent · depth) against the GEMM's O(extent · depth · other); threads only pay off when large.
        if ((long)Extent * Depth >= 1 << 16 && Strips > 1)
            Parallel.For(0, Strips, s => FillStrip(source, s));
        else
        {
            for (int s = 0; s < Strips; s++)
                FillStrip(source, s);
        }
    }

    private void FillStrip(StridedMatrix<T> source, int s)
    {
        int w = Width, depth = Depth;
        var strip = Data.AsSpan((int)((long)s * w * depth), w * depth);
        int rows = Math.Min(w, Extent - s * w);
        if (rows < w)
            strip.Clear();
        var data = source.Data;
        for (int r = 0; r < rows; r++)
        {
            long at = source.Offset + (long)(s * w + r) * source.RowStride;
            int step = source.ColStride;
            if (step == 1)
            {
                var row = data.AsSpan((int)at, depth);
                for (int p = 0; p < depth; p++)
                    strip[p * w + r] = row[p];
            }
            else
            {
                for (int p = 0; p < depth; p++, at += step)
                    strip[p * w + r] = data[at];
            }
        }
    }
}
