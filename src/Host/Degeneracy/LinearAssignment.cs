namespace FastAttractors.Degeneracy;

/// <summary>
/// The linear assignment problem, exactly: a permutation π minimising Σ_i cost[i, π(i)] for a square cost matrix, by
/// the Hungarian algorithm with potentials (Kuhn–Munkres in the O(n³) shortest-augmenting-path form of Jonker &amp;
/// Volgenant / Edmonds–Karp). Exact for finite costs (the optimum is certified by the dual potentials).
/// </summary>
public static class LinearAssignment
{
    /// <summary>π as an array: row i is assigned column π[i].</summary>
    /// <exception cref="ArgumentException">Not square, empty or not finite.</exception>
    public static int[] Solve(double[,] cost)
    {
        Require.Square(cost, nameof(cost));
        Require.Finite(cost, nameof(cost));
        int n = cost.GetLength(0);
        // 1-based arrays; column 0 is a virtual column that starts each augmenting path.
        var u = new double[n + 1];
        var v = new double[n + 1];
        var rowOfColumn = new int[n + 1];
        var way = new int[n + 1];
        var minimum = new double[n + 1];
        var used = new bool[n + 1];
        for (int i = 1; i <= n; i++)
        {
            rowOfColumn[0] = i;
            int j0 = 0;
            Array.Fill(minimum, double.PositiveInfinity);
            Array.Fill(used, false);
            do
            {
                used[j0] = true;
                int i0 = rowOfColumn[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    double reduced = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (reduced < minimum[j]) { minimum[j] = reduced; way[j] = j0; }
                    if (minimum[j] < delta) { delta = minimum[j]; j1 = j; }
                }
                for (int j = 0; j <= n; j++)
                {
                    if (used[j]) { u[rowOfColumn[j]] += delta; v[j] -= delta; }
                    else minimum[j] -= delta;
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            do
            {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var assignment = new int[n];
        for (int j = 1; j <= n; j++) assignment[rowOfColumn[j] - 1] = j - 1;
        return assignment;
    }
}
