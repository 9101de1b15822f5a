namespace FastAttractors.Bench.Compare;

/// <summary>One line of the comparison table: a FastAttractors backend or a peer on one workload.</summary>
internal sealed record CompareRow(Workload Workload, string Runner, bool IsPeer, bool IsGpu, int Members, double Seconds, double Rate, string Note)
{
    public bool Measured => double.IsFinite(Rate);
    public double Gflops => Rate * Workload.Flops.Total / 1e9;
    public double GflopsNoTanh => Rate * Workload.Flops.Arithmetic / 1e9;
}
