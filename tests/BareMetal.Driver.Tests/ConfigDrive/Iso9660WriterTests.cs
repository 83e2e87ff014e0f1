using BareMetal.Driver.Errors;
using System.Buffers.Binary;
using System.Text;
using BareMetal.Driver.ConfigDrive.Iso;

namespace BareMetal.Driver.Tests.ConfigDrive;

/// <summary>The image's structures, read back byte by byte: descriptors, path tables, Rock Ridge entries, Joliet names.</summary>
public sealed class Iso9660WriterTests
{
    private const int Sector = 2048;
    private static readonly DateTimeOffset Time = new(2026, 11, 21, 10, 20, 30, TimeSpan.Zero);

    private static byte[] Image(params IsoFile[] files)
    {
        using var output = new MemoryStream();
        long size = Iso9660Writer.Write(files, new IsoVolume { CreatedAt = Time }, output);
        Assert.Equal(size, output.Length);
        Assert.Equal(0, size % Sector);
        return output.ToArray();
    }

    private static IsoFile File(string path, string text = "x") => new(path, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Both_descriptors_carry_the_label_config_2_verbatim_and_the_volume_size()
    {
        byte[] iso = Image(File("openstack/latest/meta_data.json", "{}"));
        ReadOnlySpan<byte> pvd = iso.AsSpan(16 * Sector, Sector), svd = iso.AsSpan(17 * Sector, Sector), end = iso.AsSpan(18 * Sector, Sector);

        Assert.Equal((byte)1, pvd[0]);
        Assert.Equal("CD001", Encoding.ASCII.GetString(pvd[1..6]));
        Assert.Equal("config-2".PadRight(32), Encoding.ASCII.GetString(pvd.Slice(40, 32)));
        Assert.Equal(iso.Length / Sector, BinaryPrimitives.ReadInt32LittleEndian(pvd[80..]));
        Assert.Equal(iso.Length / Sector, BinaryPrimitives.ReadInt32BigEndian(pvd[84..]));
        Assert.Equal(Sector, BinaryPrimitives.ReadUInt16LittleEndian(pvd[128..]));
        Assert.Equal("2026112110203000", Encoding.ASCII.GetString(pvd.Slice(813, 16)));

        Assert.Equal((byte)2, svd[0]);
        Assert.Equal("%/E", Encoding.ASCII.GetString(svd.Slice(88, 3)));
        Assert.Equal("config-2".PadRight(16), Encoding.BigEndianUnicode.GetString(svd.Slice(40, 32)));
        Assert.Equal((byte)255, end[0]);
    }

    [Fact]
    public void Path_tables_list_directories_breadth_first_with_parents_in_both_byte_orders()
    {
        byte[] iso = Image(File("openstack/latest/meta_data.json"), File("openstack/2012-08-10/meta_data.json"), File("ec2/latest/meta-data.json"));
        ReadOnlySpan<byte> pvd = iso.AsSpan(16 * Sector, Sector);
        int size = BinaryPrimitives.ReadInt32LittleEndian(pvd[132..]);
        var little = PathTable(iso.AsSpan(BinaryPrimitives.ReadInt32LittleEndian(pvd[140..]) * Sector, size), bigEndian: false);
        var big = PathTable(iso.AsSpan(BinaryPrimitives.ReadInt32BigEndian(pvd[148..]) * Sector, size), bigEndian: true);

        Assert.Equal(["\0", "ec2", "openstack", "latest", "2012-08-10", "latest"], little.Select(e => e.Name));
        Assert.Equal([1, 1, 1, 2, 3, 3], little.Select(e => e.Parent));
        Assert.Equal(little, big);
        Assert.Equal(little[0].Sector, RootRecordSector(pvd));
    }

    [Fact]
    public void Files_carry_rock_ridge_names_modes_and_times_and_the_root_announces_rrip_through_a_continuation_area()
    {
        byte[] iso = Image(File("openstack/latest/vendor_data2.json", "{}"));
        List<Record> root = Directory(iso, RootRecordSector(iso.AsSpan(16 * Sector)), joliet: false);
        byte[] rootUse = root[0].SystemUse;
        Assert.Equal("SP", Encoding.ASCII.GetString(rootUse, 0, 2));
        int ce = IndexOf(rootUse, "CE");
        int continuation = BinaryPrimitives.ReadInt32LittleEndian(rootUse.AsSpan(ce + 4));
        ReadOnlySpan<byte> er = iso.AsSpan(continuation * Sector + BinaryPrimitives.ReadInt32LittleEndian(rootUse.AsSpan(ce + 12)));
        Assert.Equal("ER", Encoding.ASCII.GetString(er[..2]));
        Assert.Equal("RRIP_1991A", Encoding.ASCII.GetString(er.Slice(8, er[4])));

        Record openstack = root.Single(r => r.Name == "openstack");
        Record latest = Directory(iso, openstack.Sector, joliet: false).Single(r => r.Name == "latest");
        Record file = Directory(iso, latest.Sector, joliet: false).Single(r => r.Name.StartsWith("vendor_data2.json", StringComparison.Ordinal));
        Assert.Equal("vendor_data2.json;1", file.Name);
        Assert.Equal("vendor_data2.json", Encoding.UTF8.GetString(Entry(file.SystemUse, "NM")[5..]));
        Assert.Equal(0x8124, BinaryPrimitives.ReadInt32LittleEndian(Entry(file.SystemUse, "PX").AsSpan(4)));   // S_IFREG | 0444
        Assert.Equal(0x416D, BinaryPrimitives.ReadInt32LittleEndian(Entry(latest.SystemUse, "PX").AsSpan(4)));  // S_IFDIR | 0555
        byte[] tf = Entry(file.SystemUse, "TF");
        Assert.Equal([126, 11, 21, 10, 20, 30, 0], tf[5..12]);
        Assert.Equal("{}", Encoding.ASCII.GetString(iso, file.Sector * Sector, (int)file.Size));
    }

    [Fact]
    public void The_joliet_tree_has_ucs2_names_over_the_same_file_data()
    {
        byte[] iso = Image(File("openstack/content/Ünïcode-名前.txt", "data"));
        ReadOnlySpan<byte> svd = iso.AsSpan(17 * Sector, Sector);
        List<Record> root = Directory(iso, RootRecordSector(svd), joliet: true);
        Record content = Directory(iso, Directory(iso, root.Single(r => r.Name == "openstack").Sector, joliet: true).Single(r => r.Name == "content").Sector, joliet: true)
            .Single(r => r.Name == "Ünïcode-名前.txt");
        Assert.Empty(content.SystemUse);

        List<Record> primaryRoot = Directory(iso, RootRecordSector(iso.AsSpan(16 * Sector)), joliet: false);
        Record primary = Directory(iso, Directory(iso, primaryRoot.Single(r => r.Name == "openstack").Sector, joliet: false).Single(r => r.Name == "content").Sector, joliet: false).Single(r => r.Name != "\0" && r.Name != "\u0001");
        Assert.Equal("_n_code-__.txt;1", primary.Name);   // the plain ISO name is mapped; Rock Ridge keeps the real one
        Assert.Equal("Ünïcode-名前.txt", Encoding.UTF8.GetString(Entry(primary.SystemUse, "NM")[5..]));
        Assert.Equal(primary.Sector, content.Sector);
    }

    [Fact]
    public void A_directory_of_hundreds_of_entries_spans_sectors_without_a_record_crossing_a_boundary_and_big_files_span_many()
    {
        IsoFile[] files = [.. Enumerable.Range(0, 300).Select(i => File($"openstack/content/{i:D4}", new string('a', i)))];
        byte[] big = new byte[5 * Sector + 17];
        new Random(3).NextBytes(big);
        byte[] iso = Image([.. files, new IsoFile("openstack/big", big)]);
        Record openstack = Directory(iso, RootRecordSector(iso.AsSpan(16 * Sector)), joliet: false).Single(r => r.Name == "openstack");
        Record content = Directory(iso, openstack.Sector, joliet: false).Single(r => r.Name == "content");

        Assert.True(content.Size > 4 * Sector);
        List<Record> entries = Directory(iso, content.Sector, joliet: false, content.Size);
        Assert.Equal(302, entries.Count);
        Assert.All(entries, e => Assert.True(e.Offset / Sector == (e.Offset + e.Length - 1) / Sector));
        Record bigRecord = Directory(iso, openstack.Sector, joliet: false).Single(r => r.Name == "big;1");
        Assert.Equal(big, iso.AsSpan(bigRecord.Sector * Sector, big.Length).ToArray());
    }

    [Fact]
    public void Files_given_the_same_memory_share_one_extent_and_equal_copies_do_not()
    {
        byte[] shared = Encoding.ASCII.GetBytes(new string('u', 5000));
        byte[] plain = Image(new IsoFile("a/user_data", shared.ToArray()), new IsoFile("b/user_data", shared.ToArray()));
        byte[] linked = Image(new IsoFile("a/user_data", shared), new IsoFile("b/user_data", shared));

        Assert.Equal(plain.Length - (3 * Sector), linked.Length);
        List<Record> root = Directory(linked, RootRecordSector(linked.AsSpan(16 * Sector)), joliet: false);
        int a = Directory(linked, root.Single(r => r.Name == "a").Sector, joliet: false).Single(r => r.Name == "user_data;1").Sector;
        int b = Directory(linked, root.Single(r => r.Name == "b").Sector, joliet: false).Single(r => r.Name == "user_data;1").Sector;
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_same_files_and_time_give_the_same_bytes()
    {
        IsoFile[] files = [File("b/x"), File("a/y", "yy"), File("a/z/w", "w")];
        Assert.Equal(Image(files), Image([.. files.Reverse()]));
    }

    [Theory]
    [InlineData("a/../b", "'.' or '..'")]
    [InlineData("a//b", "empty")]
    [InlineData("a/b\u0001c", "control character")]
    [InlineData("a\\b", "backslash")]
    [InlineData("1/2/3/4/5/6/7/8/9", "deeper")]
    public void A_path_the_image_cannot_hold_is_refused(string path, string reason)
    {
        var error = Assert.Throws<IsoImageException>(() => Image(File(path)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_name_too_long_for_a_record_a_duplicate_and_a_file_under_a_file_are_refused()
    {
        Assert.Throws<IsoImageException>(() => Image(File(new string('n', 101))));
        Assert.Throws<IsoImageException>(() => Image(File("a/b"), File("a/b")));
        Assert.Throws<IsoImageException>(() => Image(File("a"), File("a/b")));
    }

    // ---- a minimal reader --------------------------------------------------------------------------------------

    private sealed record Record(string Name, int Sector, long Size, byte[] SystemUse, int Offset, int Length);

    private static int RootRecordSector(ReadOnlySpan<byte> descriptor) => BinaryPrimitives.ReadInt32LittleEndian(descriptor[(156 + 2)..]);

    private static List<Record> Directory(byte[] iso, int sector, bool joliet, long? size = null)
    {
        long length = size ?? BinaryPrimitives.ReadUInt32LittleEndian(iso.AsSpan(sector * Sector + 10));
        var records = new List<Record>();
        int at = sector * Sector, end = (int)(at + length);
        while (at < end)
        {
            int len = iso[at];
            if (len == 0) { at = (at / Sector + 1) * Sector; continue; }
            int idLength = iso[at + 32];
            byte[] id = iso.AsSpan(at + 33, idLength).ToArray();
            string name = idLength == 1 && id[0] <= 1 ? ((char)id[0]).ToString() : joliet ? Encoding.BigEndianUnicode.GetString(id) : Encoding.ASCII.GetString(id);
            int use = 33 + idLength + (idLength % 2 == 0 ? 1 : 0);
            records.Add(new Record(name, BinaryPrimitives.ReadInt32LittleEndian(iso.AsSpan(at + 2)), BinaryPrimitives.ReadUInt32LittleEndian(iso.AsSpan(at + 10)),
                iso.AsSpan(at + use, len - use).ToArray(), at - (sector * Sector), len));
            at += len;
        }
        return records;
    }

    private static List<(string Name, int Sector, int Parent)> PathTable(ReadOnlySpan<byte> table, bool bigEndian)
    {
        var entries = new List<(string, int, int)>();
        int at = 0;
        while (at < table.Length && table[at] != 0)
        {
            int len = table[at];
            int sector = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(table[(at + 2)..]) : BinaryPrimitives.ReadInt32LittleEndian(table[(at + 2)..]);
            int parent = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(table[(at + 6)..]) : BinaryPrimitives.ReadInt16LittleEndian(table[(at + 6)..]);
            entries.Add((Encoding.ASCII.GetString(table.Slice(at + 8, len)), sector, parent));
            at += 8 + len + (len % 2);
        }
        return entries;
    }

    private static byte[] Entry(byte[] systemUse, string signature)
    {
        int at = IndexOf(systemUse, signature);
        return systemUse.AsSpan(at, systemUse[at + 2]).ToArray();
    }

    private static int IndexOf(byte[] systemUse, string signature)
    {
        for (int at = 0; at + 4 <= systemUse.Length && systemUse[at + 2] > 0; at += systemUse[at + 2])
        {
            if (systemUse[at] == signature[0] && systemUse[at + 1] == signature[1]) { return at; }
        }
        throw new InvalidOperationException($"No {signature} entry.");
    }
}
