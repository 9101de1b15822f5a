namespace FastAttractors.Cli.Sequence;

/// <summary>Where the stored sequences come from (--data).</summary>
internal enum SequenceDataKind
{
    Random,
    MovingMnist,
    Walker,
}
