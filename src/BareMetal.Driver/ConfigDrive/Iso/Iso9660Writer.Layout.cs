using BareMetal.Driver.Errors;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BareMetal.Driver.ConfigDrive.Iso;

internal static partial class Iso9660Writer
{
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

            // Record lengths depend on names and entries only, so both trees can size their directories before any sector is known.
            Tree primaryTree = Tree.Primary(layout), jolietTree = Tree.Joliet(layout);
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
                dir.PrimarySectors = Sectors(primaryTree.RecordsOf(dir).Select(r => r.Length));
                dir.PrimarySector = sector;
                sector += dir.PrimarySectors;
            }
            foreach (Dir dir in primary)
            {
                dir.JolietSectors = Sectors(jolietTree.RecordsOf(dir).Select(r => r.Length));
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
}
