namespace FastAttractors.Cli.Output;

/// <summary>Creates the output directory and proves it writable before any work starts, so a long run cannot fail at the end.</summary>
internal static class OutputDirectory
{
    public static string Prepare(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(full);
            AtomicFile.WriteText(Path.Combine(full, ".write-probe"), "");
            File.Delete(Path.Combine(full, ".write-probe"));
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RuntimeFailure($"--out: cannot write to directory '{path}': {e.Message}", e);
        }
    }
}
