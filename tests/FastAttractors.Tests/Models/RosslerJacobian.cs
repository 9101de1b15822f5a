namespace FastAttractors.Tests.Models;

/// <summary>The Rössler system's analytic Jacobian, written by hand for the tests only: the engine takes it from dual numbers.</summary>
public static class RosslerJacobian
{
    public static double[,] Of(double[] x, double a = 0.2, double c = 5.7) => new[,] { { 0, -1, -1 }, { 1, a, 0 }, { x[2], 0, x[0] - c } };
}
