using FastAttractors.Binary.Estimators;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>The binary training kernel and the float32 recall kernel compile to PTX for sm_90 and to OpenCL C with no device.</summary>
public class IlgpuBinaryKernelCompilationTests
{
    public static IEnumerable<object[]> Specialisations() => IlgpuBinaryKernelList.All().Select(s => new object[] { s.Name });

    private static IlgpuBinaryKernelList.Specialisation Find(string name) => IlgpuBinaryKernelList.All().Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(Specialisations))]
    public void Compiles_to_ptx_for_sm_90(string name)
    {
        var ptx = IlgpuBinaryKernelList.CompilePtx(Find(name));
        Assert.Matches(@"\.target sm_(80|86|89|90)", ptx);
        Assert.Contains(".entry", ptx);
        Assert.DoesNotContain(".extern .func", ptx);
        if (name.Contains("Real64"))
        {
            Assert.Contains(".f64", ptx);
            // Barriers separate the phases; the gate tally is a global atomic add (no shared memory, see BinaryTrainingBuffers).
            Assert.Contains("bar.sync", ptx);
            Assert.Matches(@"(atom|red)\S*\.add", ptx);
        }
        else
        {
            Assert.Contains("add.f32", ptx);
        }
    }

    [Theory]
    [MemberData(nameof(Specialisations))]
    public void Compiles_to_opencl_c(string name)
    {
        var source = IlgpuBinaryKernelList.CompileOpenCl(Find(name));
        Assert.Contains("kernel", source);
        Assert.Contains(name.Contains("Real64") ? "double" : "float", source);
    }

    [Fact]
    public void Lists_the_training_and_float32_recall_kernels()
    {
        Assert.Equal(["binary-train<Real64, HiddenOrVisible>", "binary-recall<Real32, HiddenOrVisible>"], IlgpuBinaryKernelList.All().Select(s => s.Name));
    }
}
