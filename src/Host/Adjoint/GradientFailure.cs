namespace FastAttractors.Adjoint;

/// <summary>Marks a member failed: its status and step, loss and every gradient NaN ; every estimator reports a failed member this way.</summary>
internal static class GradientFailure
{
    public static void Fail(EnsembleGradients result, int m, GradientStatus status, long step)
    {
        result.Status[m] = status;
        result.FailedStep[m] = step;
        result.Loss[m] = double.NaN;
        for (int i = 0; i < result.Dimension; i++)
            result.InitialStates[(long)i * result.Members + m] = double.NaN;
        foreach (var p in result.Parameters)
            for (int k = 0; k < p.Length; k++)
                p.Values[(long)k * result.Members + m] = double.NaN;
    }
}
