using Microsoft.Extensions.Time.Testing;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Contract.Tests.Targets;

/// <summary>The in-process fake with a fleet like CI's real one (enroll.sh: available, powered off, one port each), on a manual clock.</summary>
public sealed class FakeIronicTarget : IronicTarget
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public FakeIronicTarget(string name, FakeIronicOptions options, int nodes, FakeTimeProvider time, FakeIronic? fake = null)
        : this(name, fake ?? new FakeIronic(options, time), nodes, time)
    {
    }

    private FakeIronicTarget(string name, FakeIronic fake, int nodes, FakeTimeProvider time)
        : base(name, new Uri("http://127.0.0.1:6385"), (services, http) =>
        {
            services.AddSingleton<TimeProvider>(time);
            // The longest allowed deadlines: the fake's clock moves in steps while requests are in flight.
            services.PostConfigure<BareMetal.Ironic.IronicClientOptions>(o => { o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24); });
            http.UseFakeIronic(fake);
        })
    {
        Fake = fake;
        Time = time;
        fake.EnrollNodes(nodes, (i, spec) => spec with { Name = $"fake-{i}" });
    }

    public FakeIronic Fake { get; }
    public FakeTimeProvider Time { get; }

    protected override HttpClient CreateHttpClient() => new(Fake.CreateHandler());

    public override Task RestartAsync()
    {
        // While a real Ironic restarts, connections are refused; its work goes on afterwards.
        Fake.Faults.Add(new FakeFault(FakeFaultKind.DropRequest) { Times = 6 });
        return Task.CompletedTask;
    }

    public override Task<T> RunAsync<T>(Task<T> operation) => Time.RunUntilCompletedAsync(operation);

    public override async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        TimeSpan waited = TimeSpan.Zero;
        T last = await read();
        while (!done(last))
        {
            if (waited > Timeout) { throw new TimeoutException($"Gave up waiting for {what} on the fake after {waited} of its time; last seen: {last}"); }
            Time.Advance(Step);
            waited += Step;
            last = await read();
        }
        return last;
    }
}
