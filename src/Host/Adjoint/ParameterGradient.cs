namespace FastAttractors;

/// <summary>
/// ∂L/∂θ for one parameter block, per member: component p of member m at p · Members + m. For a block shared by all
/// members each member's contribution is kept apart; <see cref="Total"/> sums them (the gradient of Σ_m L_m).
/// </summary>
public sealed class ParameterGradient
{
    internal ParameterGradient(string name, int length, int members)
    {
        Name = name;
        Length = length;
        Members = members;
        Values = new double[(long)length * members];
    }

    /// <summary>The parameter block's name (as in the model's <see cref="ParameterBlock.Name"/>).</summary>
    public string Name { get; }
    /// <summary>Values per member of the block.</summary>
    public int Length { get; }
    /// <summary>The number of members.</summary>
    public int Members { get; }
    /// <summary>The gradients, Length × Members, member fastest (component p of member m at p·Members + m).</summary>
    public double[] Values { get; }

    /// <summary>∂L_m/∂θ_p: component <paramref name="p"/> of member <paramref name="member"/>.</summary>
    public double Get(int p, int member) => Values[(long)p * Members + member];

    /// <summary>Σ over members of component <paramref name="p"/>.</summary>
    public double Total(int p)
    {
        double sum = 0;
        for (int m = 0; m < Members; m++)
            sum += Values[(long)p * Members + m];
        return sum;
    }
}
