using Xunit.Abstractions;
using Xunit.Sdk;

namespace BareMetal.Contract.Tests.Targets;

/// <summary>
/// A contract test. It runs in every concrete class that inherits it; in a class marked
/// <see cref="RealServerAttribute"/> it is skipped, saying how to start the server, unless that server's variable is set.
/// </summary>
[XunitTestCaseDiscoverer("BareMetal.Contract.Tests.Targets.ContractFactDiscoverer", "BareMetal.Contract.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>Marks a contract class that runs against the real server named by <see cref="Variable"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RealServerAttribute(string variable) : Attribute
{
    public string Variable { get; } = variable;
}

/// <summary>Turns a <see cref="ContractFactAttribute"/> into a normal test, or a skipped one when its class's real server is not configured.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        TestMethodDisplay display = discoveryOptions.MethodDisplayOrDefault();
        TestMethodDisplayOptions displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        string? variable = testMethod.TestClass.Class.GetCustomAttributes(typeof(RealServerAttribute)).FirstOrDefault()?.GetConstructorArguments().FirstOrDefault() as string;
        if (variable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, RealIronic.HowToStart(variable));
            yield break;
        }
        yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}
