namespace BareMetal.Ironic.Fake.State;

/// <summary>What the volume targets and connectors share: each belongs to one node and goes with it.</summary>
internal interface IFakeVolumeObject
{
    Guid Uuid { get; }

    Guid NodeUuid { get; }
}
