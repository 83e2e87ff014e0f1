using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace BareMetal.Driver.ConfigDrive.Iso;

internal static partial class Iso9660Writer
{
    /// <summary>
    /// One of the image's two directory trees over the same files, and everything that differs between them: the
    /// primary tree has ISO 9660 names in ASCII with Rock Ridge entries; the Joliet tree has UCS-2 names and no system
    /// use area. Each knows its own names, sectors, order, descriptor and text encoding.
    /// </summary>
    private sealed class Tree
    {
        private readonly Layout _layout;
        private readonly bool _joliet;

        private Tree(Layout layout, bool joliet)
        {
            _layout = layout;
            _joliet = joliet;
        }

        public static Tree Primary(Layout layout) => new(layout, joliet: false);

        public static Tree Joliet(Layout layout) => new(layout, joliet: true);

        private List<Dir> Order => _joliet ? _layout.JolietOrder : _layout.Directories;

        private int TableSize => _joliet ? _layout.JolietTableSize : _layout.PrimaryTableSize;

        private int Sector(Dir dir) => _joliet ? dir.JolietSector : dir.PrimarySector;

        private int Size(Dir dir) => (_joliet ? dir.JolietSectors : dir.PrimarySectors) * SectorSize;

        private int Number(Dir dir) => _joliet ? dir.JolietNumber : dir.PrimaryNumber;

        private string Name(Dir dir) => _joliet ? dir.JolietName : dir.IsoName;

        private string Name(FileEntry file) => _joliet ? file.JolietName : file.IsoName;

        private byte[] Encode(string name) => _joliet ? Encoding.BigEndianUnicode.GetBytes(name) : Encoding.ASCII.GetBytes(name);

        /// <summary>The primary (type 1) or Joliet supplementary (type 2, UCS-2 level 3) volume descriptor.</summary>
        public byte[] Descriptor(IsoVolume volume, byte[] stamp)
        {
            var d = new byte[SectorSize];
            d[0] = (byte)(_joliet ? 2 : 1);
            "CD001"u8.CopyTo(d.AsSpan(1));
            d[6] = 1;
            Text(d, 8, 32, "LINUX");
            Text(d, 40, 32, volume.VolumeId);
            BothEndian32(d, 80, _layout.TotalSectors);
            if (_joliet)
            {
                "%/E"u8.CopyTo(d.AsSpan(88));   // UCS-2 level 3
            }
            BothEndian16(d, 120, 1);
            BothEndian16(d, 124, 1);
            BothEndian16(d, 128, SectorSize);
            BothEndian32(d, 132, TableSize);
            int first = _joliet ? 2 : 0;
            BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(140), _layout.TableSectors[first]);
            BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(148), _layout.TableSectors[first + 1]);
            Dir root = _layout.Root;
            DirectoryRecord(Sector(root), Size(root), directory: true, [0], [], stamp).CopyTo(d, 156);
            Text(d, 190, 128, "");
            Text(d, 318, 128, volume.Publisher);
            Text(d, 446, 128, "");
            Text(d, 574, 128, "BAREMETAL.DRIVER CONFIG DRIVE");
            Text(d, 702, 37, "");
            Text(d, 739, 37, "");
            Text(d, 776, 37, "");
            string date = volume.CreatedAt.UtcDateTime.ToString("yyyyMMddHHmmssff", CultureInfo.InvariantCulture);
            Encoding.ASCII.GetBytes(date).CopyTo(d, 813);
            Encoding.ASCII.GetBytes(date).CopyTo(d, 830);
            "0000000000000000"u8.CopyTo(d.AsSpan(847));
            Encoding.ASCII.GetBytes(date).CopyTo(d, 864);
            d[881] = 1;
            return d;
        }

        /// <summary>The path table in little- or big-endian order, padded to whole sectors.</summary>
        public byte[] PathTable(bool bigEndian)
        {
            var table = new byte[Sectors(TableSize) * SectorSize];
            int at = 0;
            foreach (Dir dir in Order)
            {
                byte[] id = dir.Parent is null ? [0] : Encode(Name(dir));
                int sector = Sector(dir);
                int parent = dir.Parent is null ? 1 : Number(dir.Parent);
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

        /// <summary>A directory's records laid into its sectors; no record crosses a sector.</summary>
        public byte[] DirectoryExtent(Dir dir, byte[] stamp)
        {
            var extent = new byte[Size(dir)];
            int at = 0;
            foreach (byte[] record in RecordsOf(dir, stamp))
            {
                if (at % SectorSize + record.Length > SectorSize)
                {
                    at = (at / SectorSize + 1) * SectorSize;
                }
                record.CopyTo(extent, at);
                at += record.Length;
            }
            return extent;
        }

        /// <summary>A directory's records: itself, its parent, then its children sorted by this tree's names.</summary>
        public IEnumerable<byte[]> RecordsOf(Dir dir, byte[]? stamp = null)
        {
            stamp ??= new byte[7];
            bool isRoot = dir.Parent is null;
            Dir parent = dir.Parent ?? dir;

            byte[] selfUse = _joliet ? [] : isRoot
                ? [.. SuspIndicator(), .. ContinuationEntry(), .. Posix(DirectoryMode, 2 + dir.Dirs.Count), .. Times(stamp)]
                : [.. Posix(DirectoryMode, 2 + dir.Dirs.Count), .. Times(stamp)];
            yield return DirectoryRecord(Sector(dir), Size(dir), directory: true, [0], selfUse, stamp);
            byte[] parentUse = _joliet ? [] : [.. Posix(DirectoryMode, 2 + parent.Dirs.Count), .. Times(stamp)];
            yield return DirectoryRecord(Sector(parent), Size(parent), directory: true, [1], parentUse, stamp);

            var entries = new List<(string SortKey, byte[] Record)>();
            foreach (Dir child in dir.Dirs)
            {
                byte[] use = _joliet ? [] : [.. Posix(DirectoryMode, 2 + child.Dirs.Count), .. Times(stamp), .. AlternateName(child.Name)];
                entries.Add((Name(child), DirectoryRecord(Sector(child), Size(child), directory: true, Encode(Name(child)), use, stamp)));
            }
            foreach (FileEntry file in dir.Files)
            {
                byte[] use = _joliet ? [] : [.. Posix(FileMode, 1), .. Times(stamp), .. AlternateName(file.Name)];
                entries.Add((Name(file),
                    DirectoryRecord(file.Sector, file.Content.Length, directory: false, Encode(Name(file)), use, stamp)));
            }
            foreach ((_, byte[] record) in entries.OrderBy(e => e.SortKey, StringComparer.Ordinal))
            {
                yield return record;
            }
        }

        /// <summary>A descriptor text field: space-padded ASCII in the primary tree, UCS-2 big-endian in the Joliet one.</summary>
        private void Text(byte[] buffer, int at, int length, string text)
        {
            Span<byte> field = buffer.AsSpan(at, length);
            if (_joliet)
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
    }
}
