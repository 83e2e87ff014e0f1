using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Tests.Primitives;

public class NodeIdTests
{
    [Theory]
    [InlineData("node-a")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{1a1a1a1a-0000-4000-8000-00000000000a}")]
    [InlineData("1a1a1a1a00004000800000000000000a")]
    [InlineData("1a1a1a1a-0000-4000-8000-00000000000a/../x")]
    [InlineData("1a1a1a1a-0000-4000-8000-00000000000a ")]
    public void Rejects_anything_but_a_non_empty_hyphenated_uuid(string text)
    {
        Assert.False(NodeId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => NodeId.Parse(text));
    }

    [Fact]
    public void Prints_the_canonical_lower_case_form_and_compares_by_value()
    {
        NodeId id = NodeId.Parse("1A1A1A1A-0000-4000-8000-00000000000A");
        Assert.Equal("1a1a1a1a-0000-4000-8000-00000000000a", id.ToString());
        Assert.Equal(NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a"), id);
    }

    [Fact]
    public void Different_identifier_types_with_the_same_uuid_are_not_equal()
    {
        var uuid = Guid.NewGuid();
        Assert.False(NodeId.FromGuid(uuid).Equals(InstanceId.FromGuid(uuid)));
        Assert.Throws<ArgumentException>(() => VifId.FromGuid(Guid.Empty));
    }
}
