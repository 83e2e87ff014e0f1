using BareMetal.Driver.Errors;
using System.Buffers.Binary;

namespace BareMetal.Driver.ConfigDrive.Iso;

/// <summary>
/// Writes an ISO 9660 image with Rock Ridge (RRIP 1991A: long names, POSIX modes, timestamps) and a Joliet tree
/// (UCS-2 names) over one copy of the file data, as <c>genisoimage -r -J</c> does. Everything is laid out first and
/// then written front to back into any stream: no temp files, no seeking, and the same input and time give the same
/// bytes.
/// </summary>
/// <remarks>
/// Layout (2048-byte sectors): 16 empty sectors, the primary descriptor, the Joliet descriptor, the terminator, the
/// Rock Ridge continuation area (its ER entry), the four path tables, the primary directories, the Joliet directories,
/// then the files; files given the same memory share one extent.
/// </remarks>
internal static partial class Iso9660Writer
{
    public const int SectorSize = 2048;
    private const int FirstDescriptorSector = 16;
    private const int ContinuationSector = 19;
    private const int MaxDepth = 7;                 // ISO 9660 allows 8 levels; deeper needs Rock Ridge relocation
    private const int MaxNameBytes = 100;           // what fits in one directory record beside the Rock Ridge entries
    private const int MaxIsoNameLength = 31;        // genisoimage -l
    private const int MaxJolietNameLength = 64;
    private const int DirectoryMode = 0x4000 | 0x16D;   // S_IFDIR | 0555, as genisoimage -r
    private const int FileMode = 0x8000 | 0x124;        // S_IFREG | 0444
    private const string RockRidgeId = "RRIP_1991A";
    private const string RockRidgeDescription = "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS";
    private const string RockRidgeSource =
        "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR " +
        "CONTACT INFORMATION.";

    /// <summary>Writes the image of <paramref name="files"/> and returns its size in bytes.</summary>
    /// <exception cref="IsoImageException">A path the image cannot hold.</exception>
    public static long Write(IReadOnlyList<IsoFile> files, IsoVolume volume, Stream output)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(output);
        Layout layout = Layout.Plan(files);
        Tree[] trees = [Tree.Primary(layout), Tree.Joliet(layout)];
        var writer = new SectorWriter(output);
        byte[] stamp = RecordTime(volume.CreatedAt);

        writer.Skip(FirstDescriptorSector);
        foreach (Tree tree in trees) { writer.Write(tree.Descriptor(volume, stamp)); }
        writer.Write(Terminator());
        writer.Write(ContinuationArea());
        foreach (Tree tree in trees)
        {
            writer.Write(tree.PathTable(bigEndian: false));
            writer.Write(tree.PathTable(bigEndian: true));
        }
        foreach (Tree tree in trees)
        {
            foreach (Dir dir in layout.Directories) { writer.Write(tree.DirectoryExtent(dir, stamp)); }
        }
        foreach (FileEntry file in layout.Files.Where(f => !f.SharesExtent)) { writer.Write(file.Content.Span); }
        return writer.Position;
    }

    private static int Sectors(long bytes) => (int)((bytes + SectorSize - 1) / SectorSize);

    /// <summary>Sectors for directory records, which may not cross a sector boundary.</summary>
    private static int Sectors(IEnumerable<int> recordLengths)
    {
        int sectors = 1, used = 0;
        foreach (int length in recordLengths)
        {
            if (used + length > SectorSize)
            {
                sectors++;
                used = 0;
            }
            used += length;
        }
        return sectors;
    }

    private static int PathTableRecordLength(int identifierLength) => 8 + identifierLength + (identifierLength % 2);

    // ---- descriptors --------------------------------------------------------------------------------------------

    private static byte[] Terminator()
    {
        var d = new byte[SectorSize];
        d[0] = 255;
        "CD001"u8.CopyTo(d.AsSpan(1));
        d[6] = 1;
        return d;
    }

    /// <summary>An ECMA-119 9.1 directory record: 33 bytes, the identifier (padded to even), the system use area.</summary>
    private static byte[] DirectoryRecord(int sector, long size, bool directory, byte[] identifier, byte[] systemUse, byte[] stamp)
    {
        int idPad = identifier.Length % 2 == 0 ? 1 : 0;
        int length = 33 + identifier.Length + idPad + systemUse.Length;
        length += length % 2;
        if (length > 255)
        {
            throw new IsoImageException("A name and its Rock Ridge entries do not fit in one directory record.");
        }
        var r = new byte[length];
        r[0] = (byte)length;
        BothEndian32(r, 2, sector);
        BothEndian32(r, 10, (int)(uint)size);
        stamp.CopyTo(r, 18);
        r[25] = (byte)(directory ? 2 : 0);
        BothEndian16(r, 28, 1);
        r[32] = (byte)identifier.Length;
        identifier.CopyTo(r, 33);
        systemUse.CopyTo(r, 33 + identifier.Length + idPad);
        return r;
    }

    // ---- field encodings ----------------------------------------------------------------------------------------

    private static byte[] RecordTime(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        return [(byte)(utc.Year - 1900), (byte)utc.Month, (byte)utc.Day, (byte)utc.Hour, (byte)utc.Minute, (byte)utc.Second, 0];
    }

    private static void BothEndian16(byte[] buffer, int at, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(at), (ushort)value);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(at + 2), (ushort)value);
    }

    private static void BothEndian32(byte[] buffer, int at, int value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at), (uint)value);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(at + 4), (uint)value);
    }

    private sealed class SectorWriter(Stream output)
    {
        private static readonly byte[] Zeros = new byte[SectorSize];

        public long Position { get; private set; }

        public void Skip(int sectors)
        {
            for (int i = 0; i < sectors; i++) { Write(Zeros); }
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            output.Write(bytes);
            Position += bytes.Length;
            int pad = (int)((SectorSize - (Position % SectorSize)) % SectorSize);
            if (pad > 0)
            {
                output.Write(Zeros, 0, pad);
                Position += pad;
            }
        }
    }
}
