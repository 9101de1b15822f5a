using Xunit;

namespace FastAttractors.Tests.Smoke;

/// <summary>
/// The C# scan example of docs/tutorials/first-scan.md, which includes the region below verbatim, so it compiles and
/// runs as shown; its grid lies below the boundary α cos θ = 1, where both exponents are −1 + α cos θ.
/// </summary>
public class ScanDocsExampleTests
{
    [Fact]
    public void Scan_example_runs_as_written()
    {
        #region scan
        using var engine = Engine.Create();
        var problem = new ScanProblem
        {
            Family = ScanFamily.RotationFlow,                                 // ẋ = −x + tanh(α R(θ) x)
            Axes = [ScanAxis.Linspace("alpha", 0, 0.9, 8), ScanAxis.Linspace("theta", 0, Math.PI, 8)],
            Members = 2,                                                      // initial states per point
        };
        var scan = engine.Scan(problem, new ScanOptions { Transient = 30, Duration = 40 });   // 128 rows
        double[] alpha = scan.Parameter("alpha"), theta = scan.Parameter("theta");
        double lambda1 = scan.Exponents[5 * scan.K];                           // row 5: λ1 (scan.K = 2 per row)
        #endregion

        Assert.Equal(128, scan.Count);
        for (int r = 0; r < scan.Count; r++)
            Assert.Equal(-1 + alpha[r] * Math.Cos(theta[r]), scan.Exponents[r * scan.K], 1e-4);
        Assert.Equal(scan.Exponents[10], lambda1);
    }
}
