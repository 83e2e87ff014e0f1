namespace BareMetal.Driver.ConfigDrive;

/// <summary>A key pair: its name, type (<c>ssh</c> or <c>x509</c>) and public key.</summary>
/// <param name="Name">The key pair's name.</param>
/// <param name="Type">Its type.</param>
/// <param name="PublicKey">The public key text.</param>
public sealed record KeyPair(string Name, string Type, string PublicKey);
