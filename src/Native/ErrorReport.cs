using System.Text;

namespace FastAttractors.Native;

/// <summary>
/// Turns an exception into a status code and writes its message, UTF-8 and NUL-terminated, into the caller's buffer
/// (the C shim passes its thread-local fa_last_error buffer), so no exception ever crosses the native boundary.
/// </summary>
internal static unsafe class ErrorReport
{
    /// <summary>
    /// The frame of every export: clears <paramref name="error"/>, runs <paramref name="body"/> and returns
    /// FA_OK, or the code and message of whatever it threw.
    /// </summary>
    public static int Run(byte* error, int capacity, Action body)
    {
        try
        {
            Clear(error, capacity);
            body();
            return (int)ErrorCode.Ok;
        }
        catch (Exception e)
        {
            return Report(e, error, capacity);
        }
    }

    /// <summary>As <see cref="Run(byte*, int, Action)"/>, inside the context's lease (held while the body runs).</summary>
    public static int Run(nint context, byte* error, int capacity, Action<Engine> body) =>
        Run(error, capacity, () =>
        {
            using var lease = ContextTable.Enter(context);
            body(lease.Engine);
        });

    /// <summary>As <see cref="Run(nint, byte*, int, Action{Engine})"/>, with the fa_dtype checked after the context.</summary>
    public static int Run(nint context, int dtype, byte* error, int capacity, Action<Engine, ElementType> body) =>
        Run(context, error, capacity, engine => body(engine, ElementTypes.Check(dtype)));

    public static int Report(Exception error, byte* buffer, int capacity)
    {
        try
        {
            var code = Classify(error);
            string message = code == ErrorCode.Internal ? $"{error.GetType().Name}: {error.Message}" : error.Message;
            // One line: ArgumentOutOfRangeException appends "\nActual value was …" (our messages already say the value).
            message = message.ReplaceLineEndings(" ");
            WriteText(message, buffer, capacity);
            return (int)code;
        }
        catch
        {
            // Formatting the message failed (e.g. out of memory): the code alone must still get out.
            return (int)ErrorCode.Internal;
        }
    }

    public static void Clear(byte* buffer, int capacity)
    {
        if (buffer != null && capacity > 0)
            buffer[0] = 0;
    }

    private static ErrorCode Classify(Exception error) => error switch
    {
        NativeFailure failure => failure.Code,
        ArgumentException => ErrorCode.InvalidArgument,
        OutOfMemoryException or InsufficientExecutionStackException => ErrorCode.OutOfMemory,
        _ => ErrorCode.Internal,
    };

    /// <summary>Writes text UTF-8 and NUL-terminated, cut at a character boundary to fit.</summary>
    public static void WriteText(string message, byte* buffer, int capacity)
    {
        if (buffer == null || capacity <= 0)
            return;
        var bytes = Encoding.UTF8.GetBytes(message);
        int length = Math.Min(bytes.Length, capacity - 1);
        // Never cut a multi-byte character in half: back up to the start of the character at the cut.
        while (length > 0 && length < bytes.Length && (bytes[length] & 0xC0) == 0x80)
            length--;
        bytes.AsSpan(0, length).CopyTo(new Span<byte>(buffer, length));
        buffer[length] = 0;
    }
}
