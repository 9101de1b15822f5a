namespace FastAttractors.Cli.Tests.Docs;

/// <summary>The repository root: the nearest folder above the test assembly that holds FastAttractors.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FastAttractors.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no FastAttractors.sln above {AppContext.BaseDirectory}");
    }
}
