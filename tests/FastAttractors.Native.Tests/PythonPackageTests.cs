using System.Text.RegularExpressions;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// The Python package's pytest suite (python/tests), one test per file, run with the venv .ci/run creates and installs
/// the wheel into (artifacts/python-venv, or FASTATTRACTORS_PYTHON_VENV), so CI tests the installed wheel, not the
/// source tree (FASTATTRACTORS_EXPECT_WHEEL=1 makes the suite check that, and that the wheel is current).
/// </summary>
public sealed partial class PythonPackageTests
{
    public static TheoryData<string> TestFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(NativeBuild.RepositoryRoot, "python", "tests"), "test_*.py").Order())
            files.Add(Path.GetFileName(path));
        return files;
    }

    [PythonVenvTheory]
    [MemberData(nameof(TestFiles))]
    public void PytestFilePasses(string file)
    {
        _ = NativeBuild.BuildDirectory;   // the suite runs the C example of native/build against the package
        string python = Path.Combine(PythonVenv.Directory, "bin", "python");
        Assert.True(File.Exists(python), $"{python} not found: create the venv (docs/how-to/embed-from-python.md)");
        var run = ChildProcess.Run(python, ["-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", $"python/tests/{file}"],
            NativeBuild.RepositoryRoot, new Dictionary<string, string> { ["FASTATTRACTORS_EXPECT_WHEEL"] = "1" }, timeoutSeconds: 300);
        Assert.True(run.ExitCode == 0, $"pytest python/tests/{file} failed: " + run.Describe());
        var summary = Summary().Match(run.Stdout);
        Assert.True(summary.Success, run.Describe());
        // Nothing may be skipped against the installed wheel (the C example is built above).
        Assert.True(!run.Stdout.Contains(" skipped", StringComparison.Ordinal), "pytest skipped tests: " + run.Describe());
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed", RegexOptions.Multiline)]
    private static partial Regex Summary();
}

/// <summary>Where the venv with the installed wheel is, and whether it must be there.</summary>
public static class PythonVenv
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("FASTATTRACTORS_PYTHON_VENV") is { Length: > 0 } set
        ? Path.GetFullPath(set, NativeBuild.RepositoryRoot)
        : Path.Combine(NativeBuild.RepositoryRoot, "artifacts", "python-venv");

    /// <summary>CI (CI set, or FASTATTRACTORS_PYTHON_VENV naming the venv .ci/run made) must have it: a missing venv fails there.</summary>
    public static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FASTATTRACTORS_PYTHON_VENV"));
}

/// <summary>A theory skipped, saying how to create the venv, when it is absent outside CI.</summary>
public sealed class PythonVenvTheoryAttribute : TheoryAttribute
{
    public PythonVenvTheoryAttribute()
    {
        if (!System.IO.Directory.Exists(PythonVenv.Directory) && !PythonVenv.Required)
            Skip = $"no venv at {PythonVenv.Directory} (not CI): python/build_wheel.sh, then /usr/bin/python3 -m venv "
                   + "--system-site-packages artifacts/python-venv and artifacts/python-venv/bin/pip install --no-index --no-deps python/dist/*.whl";
    }
}
