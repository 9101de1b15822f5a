namespace FastAttractors.Cli.Output;

/// <summary>
/// Transposes the engine's member-fastest layout (component i of member m at i · members + m; frame f at
/// f · n · members) into the member-major C-order arrays users index as x[m, i] and traj[f, m, i].
/// </summary>
internal static class SolutionArrays
{
    /// <summary>Shape (members, n).</summary>
    public static double[] FinalStates(EnsembleSolution solution) =>
        MemberMajor(solution.FinalStates, 0, solution.Dimension, solution.Members);

    /// <summary>Shape (frames, members, n), or null when no trajectory was recorded.</summary>
    public static double[]? Trajectory(EnsembleSolution solution)
    {
        if (solution.Trajectory is not { } trajectory)
            return null;
        long frameSize = (long)solution.Dimension * solution.Members;
        var result = new double[trajectory.LongLength];
        Parallel.For(0, solution.Frames, f =>
        {
            var frame = MemberMajor(trajectory, f * frameSize, solution.Dimension, solution.Members);
            Array.Copy(frame, 0, result, f * frameSize, frameSize);
        });
        return result;
    }

    /// <summary>Status codes as int32 (0 = ok, else the <see cref="MemberStatus"/> value).</summary>
    public static int[] Status(EnsembleSolution solution) => Array.ConvertAll(solution.Status, s => (int)s);

    /// <summary>Rows of an SoA block (component i of member m at offset + i · members + m) as (members, n), C order.</summary>
    public static double[] MemberMajor(double[] soa, long offset, int n, int members)
    {
        var result = new double[(long)n * members];
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < members; m++)
                result[(long)m * n + i] = soa[offset + (long)i * members + m];
        }
        return result;
    }
}
