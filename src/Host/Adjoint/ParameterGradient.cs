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

    public string Name { get; }
    public int Length { get; }
    public int Members { get; }
    public double[] Values { get; }

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
