namespace BareMetal.Driver.Errors;

/// <summary>More injected files, or more bytes in all, than the configured limits allow.</summary>
public sealed class ConfigDriveTooLargeException(string message) : ConfigDriveException(message);
