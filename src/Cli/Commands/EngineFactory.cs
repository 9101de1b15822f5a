namespace FastAttractors.Cli.Commands;

/// <summary>Creates the engine a command runs on, turning "backend not present" into a runtime failure.</summary>
internal static class EngineFactory
{
    public static Engine Create(Backend? backend)
    {
        try
        {
            return Engine.Create(backend);
        }
        catch (InvalidOperationException e)
        {
            // Valid request, wrong machine: a runtime failure, not a usage error.
            throw new RuntimeFailure($"backend (--backend): {e.Message}", e);
        }
    }
}
