namespace FastAttractors.Models;

/// <summary>Shape checks shared by the built-in models.</summary>
internal static class ModelShapes
{
    /// <summary>n for an n × n matrix block; throws unless its length is a perfect square.</summary>
    public static int SquareDimension(ParameterBlock matrix)
    {
        int n = (int)Math.Round(Math.Sqrt(matrix.Length));
        if (n < 1 || n * n != matrix.Length)
            throw new ArgumentException(
                $"parameter '{matrix.Name}': {matrix.Length} values per member is not an n × n matrix.", matrix.Name);
        return n;
    }

    /// <summary>The member count fixed by per-member blocks (null if none); throws when two blocks disagree.</summary>
    public static int? Members(params ParameterBlock[] blocks)
    {
        int? members = null;
        string? first = null;
        foreach (var block in blocks.Where(b => b.PerMember))
        {
            if (members is { } m && m != block.Members)
                throw new ArgumentException(
                    $"parameter '{block.Name}' has {block.Members} members but '{first}' has {m}.", block.Name);
            members = block.Members;
            first ??= block.Name;
        }
        return members;
    }

    public static double[] Square(double[,] matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        int n = matrix.GetLength(0);
        if (n != matrix.GetLength(1))
            throw new ArgumentException($"{name} must be square, got {n} × {matrix.GetLength(1)}.", name);
        var flat = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                flat[i * n + j] = matrix[i, j];
        return flat;
    }
}
