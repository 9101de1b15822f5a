using System.Diagnostics;

namespace FastAttractors.Cli.Tests.Packaging;

/// <summary>
/// Packs once for <see cref="PackagingTests"/> (the libraries with <c>--no-build</c>: they are already built in this
/// configuration, since the test project references them; the tool with a build of its platform outputs) into a fresh folder, and offers the
/// nuget.config and environment that restore from that folder offline: no remote source, a private global-packages
/// folder (so the packages under test never enter the machine's cache, where a stale copy would mask the next change),
/// and the machine's cache as a read-only fallback for the third-party packages (ILGPU, System.CommandLine, …).
/// </summary>
public sealed class PackedPackages : IDisposable
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public PackedPackages()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(PackageFolder);
        var clock = Stopwatch.StartNew();
        // The libraries pack what the build made; the tool is packed per platform (RID-specific tool packages), which
        // builds its platform outputs, so it is packed on its own with a build (its dependencies are up to date).
        foreach (var library in new[] { "src/Kernels/FastAttractors.Kernels.csproj", "src/Host/FastAttractors.Host.csproj", "src/Api/FastAttractors.csproj" })
        {
            DotnetProcess.Run(DotnetProcess.Dotnet, ["pack", Path.Combine(RepositoryRoot, library), "-c", Configuration, "--no-build", "-o", PackageFolder],
                RepositoryRoot, TimeSpan.FromMinutes(3)).EnsureSuccess($"dotnet pack {library}");
        }
        DotnetProcess.Run(DotnetProcess.Dotnet, ["pack", Path.Combine(RepositoryRoot, "src/Cli/FastAttractors.Cli.csproj"), "-c", Configuration, "-o", PackageFolder],
            RepositoryRoot, TimeSpan.FromMinutes(6)).EnsureSuccess("dotnet pack src/Cli");
        PackSeconds = clock.Elapsed.TotalSeconds;
        File.WriteAllText(NugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{PackageFolder}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fa-pack-" + Guid.NewGuid().ToString("N"));

    public string PackageFolder => Path.Combine(Root, "packages");

    public string NugetConfig => Path.Combine(Root, "nuget.config");

    public double PackSeconds { get; }

    /// <summary>The version every package carries: Directory.Build.props's, as the built assembly reports it.</summary>
    public static string Version { get; } = typeof(Engine).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.1.0";

    /// <summary>Environment for restores: a private global-packages folder under <see cref="Root"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-cache") };

    /// <summary>The machine's global-packages folder, where the normal offline build restores from.</summary>
    public static string MachinePackages =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The folder with FastAttractors.sln, above the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FastAttractors.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"FastAttractors.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
