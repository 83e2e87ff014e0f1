using System.Globalization;
using System.Text;
using BareMetal.Ironic.Logging;

namespace BareMetal.Cli.Output;

/// <summary>
/// The one line the command prints on stderr when it fails: redacted, then every control character (newlines, ANSI
/// and OSC escape sequences, C1 controls) written as a visible escape, so text from a server can neither forge a
/// second line nor drive the terminal.
/// </summary>
internal static class ErrorLine
{
    /// <summary>Writes <c>baremetal: {text}</c> as one safe line.</summary>
    public static Task WriteAsync(TextWriter error, string text) => error.WriteLineAsync("baremetal: " + Safe(text));

    /// <summary>
    /// Writes <c>baremetal: invalid input: …</c> from the library's validators. They describe the caller's own request and
    /// hold no server text, so they are escaped but not redacted: the redactor would take a label such as
    /// <c>ConfigDrive:</c> for a secret key and mask the problem itself.
    /// </summary>
    public static Task WriteValidationAsync(TextWriter error, IEnumerable<string> problems) =>
        error.WriteLineAsync("baremetal: invalid input: " + Escape(string.Join("; ", problems)));

    /// <summary>Text from a server as it may be shown anywhere: redacted (cut first), then escaped.</summary>
    public static string Safe(string? text) => Escape(SensitiveData.RedactText(text));

    /// <summary><paramref name="text"/> with each control character replaced by <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            string? escaped = c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escaped is null) { builder.Append(c); }
            else { builder.Append(escaped); }
        }
        return builder.ToString();
    }
}
