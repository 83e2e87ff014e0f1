namespace BareMetal.Driver.Requests;

/// <summary>The flavor sizes Ironic wants in instance_info.</summary>
public sealed record Flavor
{
    /// <summary>The flavor's name (written as <c>flavor_name</c> with the owner data).</summary>
    public string? Name { get; init; }
    /// <summary>Root disk in GB.</summary>
    public int RootGb { get; init; }

    /// <summary>Swap in MB.</summary>
    public int SwapMb { get; init; }

    /// <summary>Ephemeral disk in GB (written only when positive).</summary>
    public int EphemeralGb { get; init; }

    /// <summary>vCPUs.</summary>
    public int Vcpus { get; init; } = 1;

    /// <summary>Memory in MB.</summary>
    public int MemoryMb { get; init; } = 1;
}
