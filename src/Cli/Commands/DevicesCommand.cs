using System.CommandLine;
using System.Globalization;
using FastAttractors.Bench.Machine;
using Spectre.Console;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors devices</c>: every backend with what is present for it, and the backend an engine gets by default.
/// A table on a terminal; plain "Backend: name | memory | capability | available" lines otherwise (scripts, tests).
/// Then Vector&lt;T&gt;'s width in this process and why (<see cref="VectorWidthPolicy"/>), and the default.
/// </summary>
internal static class DevicesCommand
{
    public static Command Create(TextWriter stdout, bool interactive)
    {
        var command = new Command("devices", "List the backends and devices present, and the default backend.");
        command.SetAction(_ =>
        {
            var (devices, chosen) = Engine.Devices();
            var rows = Rows(devices);
            string footer = $"default: {chosen} ({DefaultReason(chosen)})";
            string vectors = $"Simd vectors: Vector<T> {VectorWidthPolicy.InUse()}";
            if (interactive)
                WriteTable(stdout, rows, vectors, footer);
            else
                WritePlain(stdout, rows, vectors, footer);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Row(string Backend, string Name, string Memory, string Capability, string Available);

    // Backends with no device (Cuda, OpenCL on a CPU machine) are listed too, so "not present" is visible.
    private static List<Row> Rows(IReadOnlyList<DeviceInfo> devices)
    {
        var rows = new List<Row>();
        foreach (var backend in Enum.GetValues<Backend>())
        {
            var present = devices.Where(d => d.Backend == backend).ToList();
            if (present.Count == 0)
                rows.Add(new Row(backend.ToString(), "(no device present)", "-", "-", "no"));
            foreach (var d in present)
                rows.Add(new Row(backend.ToString(), d.Name, Gib(d.MemoryBytes), d.Capability, d.Usable ? "yes" : "no (unusable)"));
        }
        return rows;
    }

    private static string DefaultReason(Backend chosen) =>
        BackendNames.FromEnvironment() is not null
            ? $"from {BackendNames.EnvironmentVariable}"
            : $"best present of Cuda > OpenCL > Simd; set {BackendNames.EnvironmentVariable} to override";

    private static void WritePlain(TextWriter stdout, List<Row> rows, string vectors, string footer)
    {
        foreach (var r in rows)
            stdout.WriteLine($"{r.Backend}: {r.Name} | memory {r.Memory} | {r.Capability} | available: {r.Available}");
        stdout.WriteLine(vectors);
        stdout.WriteLine(footer);
    }

    private static void WriteTable(TextWriter stdout, List<Row> rows, string vectors, string footer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var table = new Table().AddColumns("backend", "device", "memory", "capability", "available");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Backend), Markup.Escape(r.Name), Markup.Escape(r.Memory), Markup.Escape(r.Capability), Markup.Escape(r.Available));
        console.Write(table);
        console.WriteLine(vectors);
        console.MarkupLine($"[bold]{Markup.Escape(footer)}[/]");
    }

    private static string Gib(long bytes) => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
}
