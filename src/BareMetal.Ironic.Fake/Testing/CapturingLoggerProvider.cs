using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BareMetal.Ironic.Fake.Testing;

/// <summary>A logger provider that keeps every entry (message, structured values, exception text) for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>All text of all entries (messages, values, scopes, exceptions), for "never contains" assertions.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.AllText));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    /// <inheritdoc />
    public void Dispose() { }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue(new CapturedLogEntry(category, LogLevel.None, default, $"scope: {state}", [], null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value?.ToString())).ToList()
                : [];
            entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
