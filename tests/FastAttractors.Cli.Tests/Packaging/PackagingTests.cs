using System.Globalization;
using System.Text.Json;
using Xunit;

namespace FastAttractors.Cli.Tests.Packaging;

/// <summary>
/// What a user gets from the packages: the tool installed from the packed folder runs, and a project referencing the
/// packed library builds and computes a spectrum. Slow (a pack, a tool install, a restore and build: about 1.5 min
/// together on 2 cores) and they need the dotnet SDK on PATH and the machine's NuGet cache holding the third-party
/// packages (what the normal offline build restores from); no network. Filter them out with
/// <c>--filter "Category!=Packaging"</c>.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests(PackedPackages packed) : IClassFixture<PackedPackages>
{
    [Fact]
    public void Pack_produces_the_library_packages_and_the_tool_with_one_version()
    {
        var names = Directory.GetFiles(packed.PackageFolder, "*.nupkg").Select(Path.GetFileName).Order().ToArray();

        string v = PackedPackages.Version;
        // The tool is one small pointer package plus one package per platform (RID-specific tool packages).
        var expected = new[] { $"FastAttractors.{v}.nupkg", $"FastAttractors.Cli.{v}.nupkg", $"FastAttractors.Host.{v}.nupkg", $"FastAttractors.Kernels.{v}.nupkg" }
            .Concat(new[] { "linux-x64", "linux-arm64", "osx-arm64", "win-x64" }.Select(rid => $"FastAttractors.Cli.{rid}.{v}.nupkg"))
            .Order().ToArray();
        Assert.Equal(expected, names);
    }

    /// <summary>
    /// The linux-x64 tool package carries the native libraries of linux-x64 only (SkiaSharp and HarfBuzz ship them
    /// for 17 platforms; the single portable package carried all of them: 109 MB packed, 260 MB unpacked).
    /// </summary>
    [Fact]
    public void The_linux_x64_tool_package_holds_only_its_own_natives()
    {
        string path = Path.Combine(packed.PackageFolder, $"FastAttractors.Cli.linux-x64.{PackedPackages.Version}.nupkg");
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var natives = zip.Entries.Where(e => e.FullName.EndsWith(".so") || e.FullName.EndsWith(".dll") && e.FullName.Contains("native")
            || e.FullName.EndsWith(".dylib")).Select(e => e.FullName).ToArray();
        Assert.Contains(natives, n => n.EndsWith("libSkiaSharp.so"));
        Assert.DoesNotContain(natives, n => n.Contains("musl") || n.Contains("arm") || n.Contains("win") || n.Contains("osx") || n.EndsWith(".dylib"));
        long unpacked = zip.Entries.Sum(e => e.Length);
        Assert.True(unpacked < 40_000_000, $"the linux-x64 tool package unpacks to {unpacked / 1e6:F1} MB");
    }

    [Fact]
    public void Tool_installed_from_the_package_folder_lists_devices_and_benches()
    {
        string toolPath = Path.Combine(packed.Root, "tool");
        DotnetProcess.Run(DotnetProcess.Dotnet,
                ["tool", "install", "FastAttractors.Cli", "--version", PackedPackages.Version, "--tool-path", toolPath, "--configfile", packed.NugetConfig],
                packed.Root, TimeSpan.FromMinutes(2), packed.Environment)
            .EnsureSuccess("dotnet tool install");
        string tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "fastattractors.exe" : "fastattractors");

        var devices = DotnetProcess.Run(tool, ["devices"], packed.Root, TimeSpan.FromMinutes(1)).EnsureSuccess("fastattractors devices");
        Assert.Contains("Simd: ", devices.Output);
        Assert.Contains("default: ", devices.Output);

        string outDir = Path.Combine(packed.Root, "bench");
        var bench = DotnetProcess.Run(tool, ["bench", "--size", "small", "--workloads", "W1", "--backends", "Simd,Reference", "--out", outDir],
            packed.Root, TimeSpan.FromMinutes(1)).EnsureSuccess("fastattractors bench");
        Assert.Contains("| W1 ", bench.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "bench.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Simd", "Reference"], rows.Select(r => r.GetProperty("backend").GetString()));
        Assert.All(rows, r => Assert.Equal("ok", r.GetProperty("status").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("throughput").GetDouble() > 0));
    }

    [Fact]
    public void Consumer_project_referencing_the_packed_library_computes_a_spectrum()
    {
        string project = Path.Combine(packed.Root, "consumer");
        Directory.CreateDirectory(project);
        File.Copy(packed.NugetConfig, Path.Combine(project, "nuget.config"));
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FastAttractors" Version="{PackedPackages.Version}" />
              </ItemGroup>
            </Project>
            """);
        // ẋ = A x with A upper triangular (non-normal): the exponents are its diagonal, −0.5 and −2 (the linear-flow oracle: exponents = sorted Re eig(A)).
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System.Globalization;
            using FastAttractors;

            using var engine = Engine.Create(Backend.Simd);
            var a = new double[,] { { -0.5, 1.0 }, { 0.0, -2.0 } };
            var problem = new EnsembleProblem(Linear.Shared(a), InitialStates.Normal(2, 4, 1.0, seed: 3), 4);
            var les = engine.Lyapunov(problem, new Rk4(0.01), new LyapunovOptions { Transient = 10, Duration = 200 });
            Console.WriteLine("spectrum " + string.Join(" ", les.Spectrum(0).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            """);

        var run = DotnetProcess.Run(DotnetProcess.Dotnet, ["run", "-c", "Release"], project, TimeSpan.FromMinutes(2), packed.Environment)
            .EnsureSuccess("dotnet run (consumer)");

        var line = run.Output.Split('\n').Single(l => l.StartsWith("spectrum ", StringComparison.Ordinal));
        var spectrum = line["spectrum ".Length..].Trim().Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        // A linear flow's QR estimate converges like 1/T; measured within 1e-8 at T = 200 (float64), 1e-6 leaves room for rounding elsewhere.
        Assert.Equal(2, spectrum.Length);
        Assert.Equal(-0.5, spectrum[0], 1e-6);
        Assert.Equal(-2.0, spectrum[1], 1e-6);
        // The package the consumer restored is the one packed here, not a copy from the machine's cache.
        Assert.True(Directory.Exists(Path.Combine(packed.Environment["NUGET_PACKAGES"], "fastattractors", PackedPackages.Version)));
    }
}
