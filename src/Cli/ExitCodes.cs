namespace FastAttractors.Cli;

/// <summary>Exit codes: 0 success, 1 a runtime failure (device, file system), 2 a usage error (bad option or spec).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Runtime = 1;
    public const int Usage = 2;

    /// <summary>The exit code and one-line message for an exception that reached the top of a command.</summary>
    internal static (int Code, string Message) Classify(Exception e)
    {
        var (code, message) = Describe(e);
        return (code, Input.Excerpt.Of(message, Input.Excerpt.MessageLength));
    }

    private static (int Code, string Message) Describe(Exception e) => e switch
    {
        UsageException => (Usage, e.Message),
        // The engine validates its arguments with messages naming the parameter and value; those are usage errors.
        ArgumentException a => (Usage, MessageOf(a)),
        RuntimeFailure => (Runtime, e.Message),
        _ => (Runtime, $"{e.GetType().Name}: {FirstLine(e.Message)}"),
    };

    /// <summary>The first line of an engine argument error, without the parameter suffix .NET appends.</summary>
    internal static string MessageOf(ArgumentException e) => WithoutParameterSuffix(FirstLine(e.Message), e.ParamName);

    // The engine's messages already name the argument; .NET appends " (Parameter 'x')" to them again.
    private static string WithoutParameterSuffix(string line, string? parameter) =>
        parameter is not null && line.EndsWith($" (Parameter '{parameter}')", StringComparison.Ordinal)
            ? line[..^$" (Parameter '{parameter}')".Length]
            : line;

    // ArgumentOutOfRangeException appends "Actual value was …" on a second line; the first already names the value.
    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
