using System.Diagnostics;
using System.Text.RegularExpressions;
using FastAttractors.Backends;
using FastAttractors.Binary.Estimators;
using Xunit;

namespace FastAttractors.Tests.Kernels;

/// <summary>
/// The PTX of every kernel specialisation assembled by NVIDIA's ptxas for sm_80 (A100) and sm_90 (H100), with no GPU:
/// the strongest check of the CUDA path a machine without a device can make. ptxas rejects what the driver's JIT would
/// reject (bad operands, unknown instructions, undefined symbols), and its -v report shows register use and spills,
/// which are refused here (a spill sends registers to local memory: a silent slowdown). ILGPU 1.5.3 writes PTX ISA 8.0,
/// which ptxas 11.8 (Debian's nvidia-cuda-toolkit) does not read; the kernels use nothing newer than ISA 7.8, so the
/// version line is lowered to 7.8 before assembling.
/// </summary>
public sealed partial class PtxAssemblyTests
{
    public static TheoryData<string> Kernels()
    {
        var names = new TheoryData<string>();
        foreach (var s in KernelSpecialisations.All())
            names.Add(s.Name);
        foreach (var s in IlgpuBinaryKernelList.All())
            names.Add(s.Name);
        return names;
    }

    [PtxasTheory]
    [MemberData(nameof(Kernels))]
    public void Assembles_for_sm_80_and_sm_90_without_spills(string name)
    {
        string ptx = KernelSpecialisations.All().FirstOrDefault(s => s.Name == name) is { } kernel
            ? KernelSpecialisations.CompilePtx(kernel)
            : IlgpuBinaryKernelList.CompilePtx(IlgpuBinaryKernelList.All().Single(s => s.Name == name));
        Assert.Matches(VersionLine(), ptx);
        string file = Path.Combine(Path.GetTempPath(), $"fa-ptx-{Guid.NewGuid():N}.ptx");
        File.WriteAllText(file, VersionLine().Replace(ptx, ".version 7.8", 1));
        try
        {
            foreach (var arch in new[] { "sm_80", "sm_90" })
            {
                var (code, report) = Ptxas.Run(["-arch=" + arch, "-v", "-o", "/dev/null", file]);
                Assert.True(code == 0, $"ptxas -arch={arch} failed on {name}:\n{report}");
                var spills = Spills().Matches(report);
                Assert.NotEmpty(spills); // -v always reports the spill counts; none would mean the report format changed
                foreach (Match m in spills)
                    Assert.True(m.Groups[1].Value == "0" && m.Groups[2].Value == "0", $"{name} spills registers on {arch}:\n{report}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^\.version 8\.0$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"(\d+) bytes spill stores, (\d+) bytes spill loads")]
    private static partial Regex Spills();
}

/// <summary>Where ptxas is: FASTATTRACTORS_PTXAS (which .ci/run sets, so a failed download fails there), else on PATH.</summary>
public static class Ptxas
{
    public static string? Path { get; } = Find();

    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FASTATTRACTORS_PTXAS"));

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("FASTATTRACTORS_PTXAS") is { Length: > 0 } set)
            return set;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(dir => System.IO.Path.Combine(dir, "ptxas")).FirstOrDefault(File.Exists);
    }

    public static (int Code, string Report) Run(IEnumerable<string> arguments)
    {
        Assert.True(Path is not null && File.Exists(Path),
            $"ptxas not found at '{Path}' (FASTATTRACTORS_PTXAS): .ci/run extracts it from Debian's non-free nvidia-cuda-toolkit into artifacts/cuda");
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}

/// <summary>A theory skipped, saying how to get ptxas, when there is none and CI did not ask for it.</summary>
public sealed class PtxasTheoryAttribute : TheoryAttribute
{
    public PtxasTheoryAttribute()
    {
        if (Ptxas.Path is null && !Ptxas.Required)
            Skip = "no ptxas (not CI): apt-get download nvidia-cuda-toolkit from Debian's non-free component and extract usr/bin/ptxas "
                   + "(dpkg-deb -x), then set FASTATTRACTORS_PTXAS to it, as .ci/run does";
    }
}
