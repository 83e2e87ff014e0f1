using BareMetal.Driver.Errors;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

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
internal static class Iso9660Writer
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
        var writer = new SectorWriter(output);
        byte[] stamp = RecordTime(volume.CreatedAt);

        writer.Skip(FirstDescriptorSector);
        writer.Write(Descriptor(layout, volume, joliet: false, stamp));
        writer.Write(Descriptor(layout, volume, joliet: true, stamp));
        writer.Write(Terminator());
        writer.Write(ContinuationArea());
        foreach (bool joliet in (ReadOnlySpan<bool>)[false, true])
        {
            writer.Write(PathTable(layout, joliet, bigEndian: false));
            writer.Write(PathTable(layout, joliet, bigEndian: true));
        }
        foreach (bool joliet in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (Dir dir in layout.Directories) { writer.Write(DirectoryExtent(dir, joliet, stamp)); }
        }
        foreach (FileEntry file in layout.Files.Where(f => !f.SharesExtent)) { writer.Write(file.Content.Span); }
        return writer.Position;
    }

    // ---- planning ---------------------------------------------------------------------------------------------------

    private sealed class Dir(string name, Dir? parent)
    {
        public string Name { get; } = name;
        public Dir? Parent { get; } = parent;
        public int Depth => Parent is null ? 0 : Parent.Depth + 1;
        public List<Dir> Dirs { get; } = [];
        public List<FileEntry> Files { get; } = [];
        public string IsoName { get; set; } = "";
        public string JolietName { get; set; } = "";
        public int PrimaryNumber { get; set; }
        public int JolietNumber { get; set; }
        public int PrimarySector { get; set; }
        public int PrimarySectors { get; set; }
        public int JolietSector { get; set; }
        public int JolietSectors { get; set; }
    }

    private sealed class FileEntry(string name, ReadOnlyMemory<byte> content)
    {
        public string Name { get; } = name;
        public ReadOnlyMemory<byte> Content { get; } = content;
        public string IsoName { get; set; } = "";
        public string JolietName { get; set; } = "";
        public int Sector { get; set; }
        public bool SharesExtent { get; set; }
    }

    private sealed class Layout
    {
        public required Dir Root { get; init; }
        /// <summary>Breadth-first, children in primary name order: path table order.</summary>
        public required List<Dir> Directories { get; init; }
        public required List<Dir> JolietOrder { get; init; }
        public required List<FileEntry> Files { get; init; }
        public int PrimaryTableSize { get; set; }
        public int JolietTableSize { get; set; }
        public int[] TableSectors { get; } = new int[4];
        public int TotalSectors { get; set; }

        public static Layout Plan(IReadOnlyList<IsoFile> files)
        {
            var root = new Dir("", null);
            foreach (IsoFile file in files) { Add(root, file); }
            AssignNames(root);
            List<Dir> primary = BreadthFirst(root, d => d.Dirs.OrderBy(c => c.IsoName, StringComparer.Ordinal));
            List<Dir> joliet = BreadthFirst(root, d => d.Dirs.OrderBy(c => c.JolietName, StringComparer.Ordinal));
            for (int i = 0; i < primary.Count; i++) { primary[i].PrimaryNumber = i + 1; }
            for (int i = 0; i < joliet.Count; i++) { joliet[i].JolietNumber = i + 1; }
            var layout = new Layout
            {
                Root = root, Directories = primary, JolietOrder = joliet,
                Files = [.. primary.SelectMany(d => d.Files.OrderBy(f => f.IsoName, StringComparer.Ordinal))],
            };
            layout.PrimaryTableSize =
                primary.Sum(d => PathTableRecordLength(Encoding.ASCII.GetByteCount(d.Parent is null ? "\0" : d.IsoName)));
            layout.JolietTableSize = joliet.Sum(d => PathTableRecordLength(d.Parent is null ? 1 : d.JolietName.Length * 2));

            int sector = ContinuationSector + 1;
            int primaryTableSectors = Sectors(layout.PrimaryTableSize), jolietTableSectors = Sectors(layout.JolietTableSize);
            (int Index, int Size)[] tables =
                [(0, primaryTableSectors), (1, primaryTableSectors), (2, jolietTableSectors), (3, jolietTableSectors)];
            foreach ((int index, int size) in tables)
            {
                layout.TableSectors[index] = sector;
                sector += size;
            }
            foreach (Dir dir in primary)
            {
                dir.PrimarySectors = Sectors(RecordsOf(dir, joliet: false).Select(r => r.Length));
                dir.PrimarySector = sector;
                sector += dir.PrimarySectors;
            }
            foreach (Dir dir in primary)
            {
                dir.JolietSectors = Sectors(RecordsOf(dir, joliet: true).Select(r => r.Length));
                dir.JolietSector = sector;
                sector += dir.JolietSectors;
            }
            // Files given the very same memory (Nova's tree repeats user_data 12 times) share one extent, as hard links
            // do: the image, its gzip and the text sent to Ironic shrink by every copy.
            var shared = new Dictionary<(object, int, int), int>();
            foreach (FileEntry file in layout.Files)
            {
                if (file.Content.Length == 0) { continue; }
                (object, int, int)? key = MemoryMarshal.TryGetArray(file.Content, out ArraySegment<byte> segment)
                    ? (segment.Array!, segment.Offset, segment.Count) : null;
                if (key is { } k && shared.TryGetValue(k, out int existing))
                {
                    file.Sector = existing;
                    file.SharesExtent = true;
                    continue;
                }
                file.Sector = sector;
                if (key is { } added) { shared[added] = sector; }
                sector += Sectors(file.Content.Length);
            }
            layout.TotalSectors = sector;
            return layout;
        }

        private static void Add(Dir root, IsoFile file)
        {
            string[] parts = file.Path.Split('/');
            if (parts.Length - 1 > MaxDepth)
            {
                throw new IsoImageException($"'{file.Path}' is nested deeper than {MaxDepth} directories.", file.Path);
            }
            Dir dir = root;
            foreach (string part in parts[..^1])
            {
                CheckName(part, file.Path);
                if (dir.Files.Any(f => f.Name == part))
                {
                    throw new IsoImageException($"'{file.Path}' needs a directory where a file is.", file.Path);
                }
                Dir? next = dir.Dirs.Find(d => d.Name == part);
                if (next is null)
                {
                    next = new Dir(part, dir);
                    dir.Dirs.Add(next);
                }
                dir = next;
            }
            string name = parts[^1];
            CheckName(name, file.Path);
            if (dir.Files.Any(f => f.Name == name) || dir.Dirs.Any(d => d.Name == name))
            {
                throw new IsoImageException($"'{file.Path}' is given twice.", file.Path);
            }
            dir.Files.Add(new FileEntry(name, file.Content));
        }

        private static void CheckName(string name, string path)
        {
            if (name.Length == 0 || name is "." or "..")
            {
                throw new IsoImageException($"'{path}' has an empty, '.' or '..' component.", path);
            }
            if (name.Any(c => char.IsControl(c) || c == '\\'))
            {
                throw new IsoImageException($"'{path}' has a control character or a backslash in a name.", path);
            }
            if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            {
                throw new IsoImageException($"'{path}' has a name longer than {MaxNameBytes} bytes.", path);
            }
        }

        private static void AssignNames(Dir dir)
        {
            var iso = new HashSet<string>(StringComparer.Ordinal);
            var joliet = new HashSet<string>(StringComparer.Ordinal);
            foreach (Dir child in dir.Dirs.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                child.IsoName = Unique(IsoName(child.Name, MaxIsoNameLength), iso, MaxIsoNameLength, "");
                child.JolietName = Unique(JolietName(child.Name), joliet, MaxJolietNameLength, "");
                AssignNames(child);
            }
            foreach (FileEntry file in dir.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                file.IsoName = Unique(IsoName(file.Name, MaxIsoNameLength), iso, MaxIsoNameLength, ";1");
                file.JolietName = Unique(JolietName(file.Name), joliet, MaxJolietNameLength, "");
            }
        }

        /// <summary>The relaxed ISO 9660 name of genisoimage <c>-l -allow-lowercase -allow-multidot -ldots</c>.</summary>
        private static string IsoName(string name, int max)
        {
            var builder = new StringBuilder(name.Length);
            foreach (char c in name) { builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'); }
            return builder.Length > max ? builder.ToString(0, max) : builder.ToString();
        }

        private static string JolietName(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (char c in name) { builder.Append(c is '*' or '/' or ':' or ';' or '?' ? '_' : c); }
            return builder.Length > MaxJolietNameLength ? builder.ToString(0, MaxJolietNameLength) : builder.ToString();
        }

        /// <summary>Makes a shortened or mapped name unique in its directory by ending it with ~N.</summary>
        private static string Unique(string name, HashSet<string> taken, int max, string suffix)
        {
            string candidate = name;
            for (int n = 1; !taken.Add(candidate + suffix); n++)
            {
                string tag = string.Create(CultureInfo.InvariantCulture, $"~{n}");
                candidate = name[..Math.Min(name.Length, max - tag.Length)] + tag;
            }
            return candidate + suffix;
        }

        private static List<Dir> BreadthFirst(Dir root, Func<Dir, IEnumerable<Dir>> children)
        {
            var order = new List<Dir> { root };
            for (int i = 0; i < order.Count; i++) { order.AddRange(children(order[i])); }
            return order;
        }
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

    // ---- descriptors and path tables ----------------------------------------------------------------------------

    private static byte[] Descriptor(Layout layout, IsoVolume volume, bool joliet, byte[] stamp)
    {
        var d = new byte[SectorSize];
        d[0] = (byte)(joliet ? 2 : 1);
        "CD001"u8.CopyTo(d.AsSpan(1));
        d[6] = 1;
        Text(d, 8, 32, "LINUX", joliet);
        Text(d, 40, 32, volume.VolumeId, joliet);
        BothEndian32(d, 80, layout.TotalSectors);
        if (joliet) { "%/E"u8.CopyTo(d.AsSpan(88)); }   // UCS-2 level 3
        BothEndian16(d, 120, 1);
        BothEndian16(d, 124, 1);
        BothEndian16(d, 128, SectorSize);
        int tableSize = joliet ? layout.JolietTableSize : layout.PrimaryTableSize;
        BothEndian32(d, 132, tableSize);
        int first = joliet ? 2 : 0;
        BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(140), layout.TableSectors[first]);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(148), layout.TableSectors[first + 1]);
        Dir root = layout.Root;
        DirectoryRecord(joliet ? root.JolietSector : root.PrimarySector, (joliet ? root.JolietSectors : root.PrimarySectors) * SectorSize,
            directory: true, [0], [], stamp).CopyTo(d, 156);
        Text(d, 190, 128, "", joliet);
        Text(d, 318, 128, volume.Publisher, joliet);
        Text(d, 446, 128, "", joliet);
        Text(d, 574, 128, "BAREMETAL.DRIVER CONFIG DRIVE", joliet);
        Text(d, 702, 37, "", joliet);
        Text(d, 739, 37, "", joliet);
        Text(d, 776, 37, "", joliet);
        string date = volume.CreatedAt.UtcDateTime.ToString("yyyyMMddHHmmssff", CultureInfo.InvariantCulture);
        Encoding.ASCII.GetBytes(date).CopyTo(d, 813);
        Encoding.ASCII.GetBytes(date).CopyTo(d, 830);
        "0000000000000000"u8.CopyTo(d.AsSpan(847));
        Encoding.ASCII.GetBytes(date).CopyTo(d, 864);
        d[881] = 1;
        return d;
    }

    private static byte[] Terminator()
    {
        var d = new byte[SectorSize];
        d[0] = 255;
        "CD001"u8.CopyTo(d.AsSpan(1));
        d[6] = 1;
        return d;
    }

    /// <summary>The root's ER entry is too long for its directory record, so it lives here, reached through CE.</summary>
    private static byte[] ContinuationArea()
    {
        var area = new byte[SectorSize];
        ExtensionReference().CopyTo(area, 0);
        return area;
    }

    private static byte[] ExtensionReference()
    {
        int length = 8 + RockRidgeId.Length + RockRidgeDescription.Length + RockRidgeSource.Length;
        var er = new byte[length];
        er[0] = (byte)'E';
        er[1] = (byte)'R';
        er[2] = (byte)length;
        er[3] = 1;
        er[4] = (byte)RockRidgeId.Length;
        er[5] = (byte)RockRidgeDescription.Length;
        er[6] = (byte)RockRidgeSource.Length;
        er[7] = 1;
        Encoding.ASCII.GetBytes(RockRidgeId + RockRidgeDescription + RockRidgeSource).CopyTo(er, 8);
        return er;
    }

    private static byte[] PathTable(Layout layout, bool joliet, bool bigEndian)
    {
        List<Dir> order = joliet ? layout.JolietOrder : layout.Directories;
        var table = new byte[Sectors(joliet ? layout.JolietTableSize : layout.PrimaryTableSize) * SectorSize];
        int at = 0;
        foreach (Dir dir in order)
        {
            byte[] id = dir.Parent is null ? [0]
                : joliet ? Encoding.BigEndianUnicode.GetBytes(dir.JolietName)
                : Encoding.ASCII.GetBytes(dir.IsoName);
            int sector = joliet ? dir.JolietSector : dir.PrimarySector;
            int parent = dir.Parent is null ? 1 : joliet ? dir.Parent.JolietNumber : dir.Parent.PrimaryNumber;
            table[at] = (byte)id.Length;
            if (bigEndian)
            {
                BinaryPrimitives.WriteInt32BigEndian(table.AsSpan(at + 2), sector);
                BinaryPrimitives.WriteInt16BigEndian(table.AsSpan(at + 6), (short)parent);
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(table.AsSpan(at + 2), sector);
                BinaryPrimitives.WriteInt16LittleEndian(table.AsSpan(at + 6), (short)parent);
            }
            id.CopyTo(table, at + 8);
            at += PathTableRecordLength(id.Length);
        }
        return table;
    }

    // ---- directories ----------------------------------------------------------------------------------------------

    private static byte[] DirectoryExtent(Dir dir, bool joliet, byte[] stamp)
    {
        var extent = new byte[(joliet ? dir.JolietSectors : dir.PrimarySectors) * SectorSize];
        int at = 0;
        foreach (byte[] record in RecordsOf(dir, joliet, stamp))
        {
            if (at % SectorSize + record.Length > SectorSize) { at = (at / SectorSize + 1) * SectorSize; }
            record.CopyTo(extent, at);
            at += record.Length;
        }
        return extent;
    }

    private static IEnumerable<byte[]> RecordsOf(Dir dir, bool joliet, byte[]? stamp = null)
    {
        stamp ??= new byte[7];
        int Sector(Dir d) => joliet ? d.JolietSector : d.PrimarySector;
        int Size(Dir d) => (joliet ? d.JolietSectors : d.PrimarySectors) * SectorSize;
        bool isRoot = dir.Parent is null;
        Dir parent = dir.Parent ?? dir;

        byte[] selfUse = joliet ? [] : isRoot
            ? [.. SuspIndicator(), .. ContinuationEntry(), .. Posix(DirectoryMode, 2 + dir.Dirs.Count), .. Times(stamp)]
            : [.. Posix(DirectoryMode, 2 + dir.Dirs.Count), .. Times(stamp)];
        yield return DirectoryRecord(Sector(dir), Size(dir), directory: true, [0], selfUse, stamp);
        byte[] parentUse = joliet ? [] : [.. Posix(DirectoryMode, 2 + parent.Dirs.Count), .. Times(stamp)];
        yield return DirectoryRecord(Sector(parent), Size(parent), directory: true, [1], parentUse, stamp);

        var entries = new List<(string SortKey, byte[] Record)>();
        foreach (Dir child in dir.Dirs)
        {
            byte[] use = joliet ? [] : [.. Posix(DirectoryMode, 2 + child.Dirs.Count), .. Times(stamp), .. AlternateName(child.Name)];
            byte[] identifier = Identifier(child.IsoName, child.JolietName, joliet);
            entries.Add((joliet ? child.JolietName : child.IsoName,
                DirectoryRecord(Sector(child), Size(child), directory: true, identifier, use, stamp)));
        }
        foreach (FileEntry file in dir.Files)
        {
            byte[] use = joliet ? [] : [.. Posix(FileMode, 1), .. Times(stamp), .. AlternateName(file.Name)];
            byte[] identifier = Identifier(file.IsoName, file.JolietName, joliet);
            entries.Add((joliet ? file.JolietName : file.IsoName,
                DirectoryRecord(file.Sector, file.Content.Length, directory: false, identifier, use, stamp)));
        }
        foreach ((_, byte[] record) in entries.OrderBy(e => e.SortKey, StringComparer.Ordinal)) { yield return record; }
    }

    private static byte[] Identifier(string isoName, string jolietName, bool joliet) =>
        joliet ? Encoding.BigEndianUnicode.GetBytes(jolietName) : Encoding.ASCII.GetBytes(isoName);

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

    // ---- Rock Ridge (SUSP) entries ------------------------------------------------------------------------------

    private static byte[] SuspIndicator() => [(byte)'S', (byte)'P', 7, 1, 0xBE, 0xEF, 0];

    private static byte[] ContinuationEntry()
    {
        var ce = new byte[28];
        ce[0] = (byte)'C';
        ce[1] = (byte)'E';
        ce[2] = 28;
        ce[3] = 1;
        BothEndian32(ce, 4, ContinuationSector);
        BothEndian32(ce, 12, 0);
        BothEndian32(ce, 20, ExtensionReference().Length);
        return ce;
    }

    private static byte[] Posix(int mode, int links)
    {
        var px = new byte[36];
        px[0] = (byte)'P';
        px[1] = (byte)'X';
        px[2] = 36;
        px[3] = 1;
        BothEndian32(px, 4, mode);
        BothEndian32(px, 12, links);
        return px;   // uid and gid 0, as genisoimage -r
    }

    private static byte[] Times(byte[] stamp)
    {
        var tf = new byte[5 + (3 * 7)];
        tf[0] = (byte)'T';
        tf[1] = (byte)'F';
        tf[2] = (byte)tf.Length;
        tf[3] = 1;
        tf[4] = 0x0E;   // modify, access, attributes
        for (int i = 0; i < 3; i++) { stamp.CopyTo(tf, 5 + (i * 7)); }
        return tf;
    }

    private static byte[] AlternateName(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        var nm = new byte[5 + bytes.Length];
        nm[0] = (byte)'N';
        nm[1] = (byte)'M';
        nm[2] = (byte)nm.Length;
        nm[3] = 1;
        bytes.CopyTo(nm, 5);
        return nm;
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

    /// <summary>A text field: space-padded ASCII in the primary descriptor, UCS-2 big-endian in the Joliet one.</summary>
    private static void Text(byte[] buffer, int at, int length, string text, bool joliet)
    {
        Span<byte> field = buffer.AsSpan(at, length);
        if (joliet)
        {
            for (int i = 0; i + 1 < length; i += 2)
            {
                field[i] = 0;
                field[i + 1] = 0x20;
            }
            byte[] ucs2 = Encoding.BigEndianUnicode.GetBytes(text);
            ucs2.AsSpan(0, Math.Min(ucs2.Length, length & ~1)).CopyTo(field);
        }
        else
        {
            field.Fill(0x20);
            byte[] ascii = Encoding.ASCII.GetBytes(text);
            ascii.AsSpan(0, Math.Min(ascii.Length, length)).CopyTo(field);
        }
    }

    /// <summary>Writes whole sectors front to back, padding each piece to its sector boundary.</summary>
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
