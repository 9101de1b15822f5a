namespace FastAttractors.Tests.Binary.Data;

/// <summary>The committed sample of the mnist package (3 images per class), copied next to the test assembly.</summary>
internal static class MnistSample
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Binary", "Data", "mnist-sample");

    private static readonly Lazy<MnistDigits> Loaded = new(() => MnistDigits.Load(Directory));

    public static MnistDigits Digits => Loaded.Value;

    /// <summary>A writable copy of the sample, for tests that damage it.</summary>
    public static string CopyToTemp()
    {
        string target = Path.Combine(Path.GetTempPath(), "fa-mnist-" + Guid.NewGuid().ToString("N"));
        foreach (string file in System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(Directory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
