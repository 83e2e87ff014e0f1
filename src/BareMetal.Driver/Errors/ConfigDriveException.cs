using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.Errors;

/// <summary>A config drive request that cannot be built as given; nothing was written.</summary>
public class ConfigDriveException(string message) : BareMetalException(message, nodeId: null);
