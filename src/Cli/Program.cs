using System.CommandLine;
using FastAttractors.Bench.Machine;
using FastAttractors.Cli.Commands;

namespace FastAttractors.Cli;

/// <summary>
/// The <c>fastattractors</c> command line. It translates options into API objects and computes nothing itself
/// (STYLE 9); <see cref="Run"/> is the in-process entry point the tests call.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Vector<T>'s width is fixed when the runtime starts: on AVX-512 CPUs the process runs again at 512 bits (VectorWidthPolicy).
        int? relaunched;
        try
        {
            relaunched = VectorWidthRelaunch.RunIfWanted(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        return relaunched ?? Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
    }

    /// <summary>
    /// Parses and runs one command. Every failure becomes one line on <paramref name="stderr"/> and an exit code
    /// (<see cref="ExitCodes"/>), never a stack trace.
    /// </summary>
    /// <param name="interactive">True when stdout is a terminal: tables instead of plain lines.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand($"FastAttractors: ensembles of recurrent networks on GPUs and CPUs.\nEnvironment: {VectorWidthPolicy.Usage}.");
        root.Subcommands.Add(DevicesCommand.Create(stdout, interactive));
        root.Subcommands.Add(IntegrateCommand.Create(stdout));
        root.Subcommands.Add(LyapunovCommand.Create(stdout, interactive));
        root.Subcommands.Add(AdjointCommand.Create(stdout));
        root.Subcommands.Add(SystemsCommand.Create(stdout, interactive));
        root.Subcommands.Add(SequenceCommand.Create(stdout));
        root.Subcommands.Add(StabilityCommand.Create(stdout));
        root.Subcommands.Add(HeadDirectionCommand.Create(stdout));
        root.Subcommands.Add(BenchCommand.Create(stdout));
        foreach (var command in ScanToolCommands.Create(stdout, stderr, interactive)) root.Subcommands.Add(command);
        root.Subcommands.Add(TrainCommand.Create(stdout));
        root.Subcommands.Add(DegeneracyCommand.Create(stdout));

        var parse = root.Parse(args);
        if (UnknownInput.Describe(parse, root) is { } unknown)
        {
            stderr.WriteLine($"error: {unknown[0]}");
            foreach (var line in unknown.Skip(1))
                stderr.WriteLine(line);
            return ExitCodes.Usage;
        }
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"error: {Input.Excerpt.Of(ParseErrors.Describe(parse.Errors[0].Message), Input.Excerpt.MessageLength)}");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var (code, message) = ExitCodes.Classify(e);
            stderr.WriteLine($"error: {message}");
            return code;
        }
    }
}
