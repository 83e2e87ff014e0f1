using System.CommandLine;
using BareMetal.Driver;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal power on|off|reboot</c>.</summary>
internal static class PowerCommand
{
    public static Command Create(CliIo io)
    {
        var power = new Command("power", "Power the instance's node on, off, or reboot it");
        foreach (string action in (string[])["on", "off", "reboot"])
        {
            var soft = new Option<bool>("--soft") { Description = "Ask the OS first (ACPI); off falls back to hard after a timeout" };
            power.Add(InstanceCommand.Create(io, action, $"Power {action}", action == "on" ? [] : [soft], async (s, parse, id, token) =>
            {
                bool isSoft = action != "on" && parse.GetValue(soft);
                Task work = action switch
                {
                    "on" => s.Driver.PowerOnAsync(id, token),
                    "off" => s.Driver.PowerOffAsync(id,
                        isSoft ? s.Services.GetRequiredService<DriverOptions>().SoftPowerOffTimeout : null, token),
                    _ => s.Driver.RebootAsync(id, isSoft, token),
                };
                await s.WatchInstanceAsync(id, $"power {action}",
                    InstanceLookup.Done(work), token).ConfigureAwait(false);
                await s.Io.Output.WriteLineAsync($"instance {id}: power {action} done").ConfigureAwait(false);
                return 0;
            }));
        }
        return power;
    }
}
