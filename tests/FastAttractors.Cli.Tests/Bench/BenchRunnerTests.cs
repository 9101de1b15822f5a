using System.Text.Json;
using FastAttractors.Cli.Bench;
using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

public class BenchRunnerTests
{
    private static BenchSettings Settings(BenchCase c, params Backend[] backends) => new(BenchSize.Small, [c], backends, Runs: 1);

    [Fact]
    public void A_backend_failing_mid_run_is_reported_in_its_row_and_the_others_go_on()
    {
        using var dir = new TempDirectory();
        var stdout = new StringWriter();
        // Call 1 on Reference is the warm-up; call 2 is the first timed call.
        var settings = new BenchSettings(BenchSize.Small, [new FailingCase(TestCases.TinyW1(), Backend.Reference, 2), TestCases.TinyW1()],
            [Backend.Simd, Backend.Reference], Runs: 2);

        int code = BenchCommand.Execute(settings, dir.Path, stdout);

        Assert.Equal(ExitCodes.Runtime, code);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("bench.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (Backend: r.GetProperty("backend").GetString(), Status: r.GetProperty("status").GetString(), Note: r.GetProperty("note").GetString(), Throughput: r.GetProperty("throughput")))
            .ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(("Simd", "ok"), (rows[0].Backend, rows[0].Status));
        Assert.Equal(("Reference", "failed"), (rows[1].Backend, rows[1].Status));
        Assert.Contains("injected failure on Reference", rows[1].Note);
        Assert.Equal(JsonValueKind.Null, rows[1].Throughput.ValueKind);
        // The next workload ran on both, Reference included.
        Assert.Equal(("Simd", "ok"), (rows[2].Backend, rows[2].Status));
        Assert.Equal(("Reference", "ok"), (rows[3].Backend, rows[3].Status));
        Assert.Contains("| failed |", File.ReadAllText(dir.File("bench.md")));
    }

    [Fact]
    public void Simd_is_still_cross_checked_when_the_timed_Reference_row_failed()
    {
        var stdout = new StringWriter();
        using var runner = new BenchRunner(Settings(new FailingCase(TestCases.TinyW1(), Backend.Reference, 2), Backend.Simd, Backend.Reference), stdout);

        var rows = runner.Run();

        Assert.Equal(RowStatus.Ok, rows[0].Status);
        Assert.InRange(rows[0].Deviation, 0, 1e-3);
        Assert.Equal(8, rows[0].CheckedMembers);
    }

    [Fact]
    public void A_wrong_answer_is_flagged_however_fast()
    {
        var stdout = new StringWriter();
        using var runner = new BenchRunner(Settings(new SkewedCase(TestCases.TinyW1(), Backend.Simd, 1e-2), Backend.Simd, Backend.Reference), stdout);

        var rows = runner.Run();

        Assert.Equal(RowStatus.Deviates, rows[0].Status);
        Assert.InRange(rows[0].Deviation, 0.9e-2, 1.1e-2);
        Assert.Contains("deviates from Reference", rows[0].Note);
        Assert.Equal(RowStatus.Ok, rows[1].Status);
    }

    [Fact]
    public void Rows_report_speedups_extrapolation_and_warmup_apart()
    {
        var stdout = new StringWriter();
        using var runner = new BenchRunner(Settings(TestCases.TinyW1(), Backend.Simd, Backend.Reference), stdout);

        var rows = runner.Run();

        var (simd, reference) = (rows[0], rows[1]);
        Assert.Equal(1.0, simd.SpeedupOverSimd, 12);
        Assert.Equal(simd.Throughput / reference.Throughput, simd.SpeedupOverReference, 12);
        Assert.Equal(1.0, reference.SpeedupOverReference, 12);
        Assert.Equal(256.0 * 20, simd.Units);
        Assert.False(simd.Scale.Extrapolated);
        Assert.Equal(new BenchScale(256, 16), reference.Scale);
        Assert.Equal(16.0 * 20, reference.Units);
        Assert.Equal(reference.Seconds * 16, reference.FullSeconds, 12);
        Assert.Contains("extrapolated", reference.Note);
        Assert.True(simd.WarmupSeconds > 0 && double.IsFinite(simd.WarmupSeconds));
        Assert.True(simd.FractionOfPeak > 0 && simd.FractionOfPeak < 1);
    }

    [Fact]
    public void A_named_backend_that_is_absent_gets_an_absent_row()
    {
        var stdout = new StringWriter();
        using var runner = new BenchRunner(Settings(TestCases.TinyW1(), Backend.Cuda, Backend.Simd), stdout,
            b => b == Backend.Cuda ? throw new InvalidOperationException("no Cuda device is present") : Engine.Create(b));

        var rows = runner.Run();

        Assert.Equal(RowStatus.Absent, rows[0].Status);
        Assert.Contains("no Cuda device", rows[0].Note);
        Assert.Equal(RowStatus.Ok, rows[1].Status);
    }
}
