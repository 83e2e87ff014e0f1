using System.CommandLine;

namespace BareMetal.Cli.Commands;

/// <summary>
/// <c>baremetal completion bash|zsh</c>: a script that asks <c>baremetal</c> itself for completions (System.CommandLine's
/// <c>[suggest]</c> directive), so they always match the commands. Source it: <c>source &lt;(baremetal completion bash)</c>.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        _baremetal_complete() {
            local IFS=$'\n'
            COMPREPLY=($(baremetal "[suggest:${#COMP_LINE}]" "$COMP_LINE" 2>/dev/null))
        }
        complete -o default -F _baremetal_complete baremetal
        """;

    private const string Zsh = """
        #compdef baremetal
        _baremetal() {
            local -a completions
            completions=(${(f)"$(baremetal "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)"})
            compadd -- $completions
        }
        compdef _baremetal baremetal
        """;

    public static Command Create(CliIo io)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print the shell completion script") { shell };
        command.SetAction(async (parse, ct) =>
        {
            await io.Output.WriteLineAsync(parse.GetValue(shell) == "zsh" ? Zsh : Bash).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
