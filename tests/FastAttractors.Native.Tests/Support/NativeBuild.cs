namespace FastAttractors.Native.Tests.Support;

/// <summary>
/// The repository's native/ folder, built once per test run by `make -C native examples` (a no-op when .ci/run or
/// the developer built it already; otherwise it publishes the managed side first, ~20 s).
/// </summary>
public static class NativeBuild
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string NativeDirectory => Path.Combine(RepositoryRoot, "native");

    /// <summary>native/build after a successful make (libfastattractors.so, managed/, lyapunov, bad_input).</summary>
    public static string BuildDirectory => Built.Value;

    private static string Build()
    {
        var result = ChildProcess.Run("make", ["-C", "native", "examples"], RepositoryRoot, timeoutSeconds: 600);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"`make -C native examples` failed (needs gcc, make and the .NET SDK):\n{result.Describe()}");
        return Path.Combine(NativeDirectory, "build");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FastAttractors.sln")) && Directory.Exists(Path.Combine(dir.FullName, "native")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no FastAttractors.sln with a native/ folder above {AppContext.BaseDirectory}");
    }
}
