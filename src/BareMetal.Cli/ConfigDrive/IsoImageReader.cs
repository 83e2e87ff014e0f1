using System.Text;

namespace BareMetal.Cli.ConfigDrive;

/// <summary>
/// Reads an ISO 9660 image back: its volume label and every file, by its Rock Ridge name where it has one. Nothing in
/// the image is trusted: every extent, length and depth is checked against the image, so a damaged drive is an
/// <see cref="InvalidDataException"/>, never an unbounded read.
/// </summary>
internal static class IsoImageReader
{
    private const int Sector = 2048;
    private const int MaxDepth = 16;
    private const int MaxFiles = 10_000;

    public static (string Label, IReadOnlyList<(string Path, byte[] Content)> Files) Read(byte[] image)
    {
        int descriptor = 16 * Sector;
        if (image.Length < descriptor + Sector || image[descriptor] != 1 || Encoding.ASCII.GetString(image, descriptor + 1, 5) != "CD001")
        {
            throw new InvalidDataException("not an ISO 9660 image: no primary volume descriptor at sector 16");
        }
        string label = Encoding.ASCII.GetString(image, descriptor + 40, 32).TrimEnd(' ', '\0');
        var files = new List<(string, byte[])>();
        (int extent, int size) = Extent(image, descriptor + 156);
        Walk(image, extent, size, "", 0, files);
        return (label, files);
    }

    private static void Walk(byte[] image, int extent, int size, string prefix, int depth, List<(string, byte[])> files)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("the directory tree is deeper than 16");
        }
        int start = Checked(image, extent, size);
        for (int offset = 0; offset < size;)
        {
            int at = start + offset;
            int length = image[at];
            if (length == 0)
            {
                offset = (offset / Sector + 1) * Sector;   // records never cross a sector: the rest of this one is padding
                continue;
            }
            if (length < 34 || offset + length > size)
            {
                throw new InvalidDataException("a directory record runs past its directory");
            }
            int nameLength = image[at + 32];
            bool self = nameLength == 1 && image[at + 33] is 0 or 1;
            if (!self)
            {
                (int childExtent, int childSize) = Extent(image, at);
                string name = RockRidgeName(image, at, length, nameLength)
                    ?? Encoding.ASCII.GetString(image, at + 33, nameLength).Split(';')[0].TrimEnd('.');
                string path = prefix + "/" + name;
                if ((image[at + 25] & 0x02) != 0)
                {
                    Walk(image, childExtent, childSize, path, depth + 1, files);
                }
                else
                {
                    if (files.Count >= MaxFiles)
                    {
                        throw new InvalidDataException("more than 10000 files");
                    }
                    int from = Checked(image, childExtent, childSize);
                    files.Add((path, image.AsSpan(from, childSize).ToArray()));
                }
            }
            offset += length;
        }
    }

    private static (int Extent, int Size) Extent(byte[] image, int record) =>
        (BitConverter.ToInt32(image, record + 2), BitConverter.ToInt32(image, record + 10));

    private static int Checked(byte[] image, int extent, int size)
    {
        long start = (long)extent * Sector;
        return extent < 0 || size < 0 || start + size > image.Length
            ? throw new InvalidDataException("an extent points outside the image")
            : (int)start;
    }

    /// <summary>The name in the record's Rock Ridge NM entry, if it has one.</summary>
    private static string? RockRidgeName(byte[] image, int record, int length, int nameLength)
    {
        int use = record + 33 + nameLength + (nameLength % 2 == 0 ? 1 : 0);
        var name = new StringBuilder();
        while (use + 4 <= record + length)
        {
            int entryLength = image[use + 2];
            if (entryLength < 4 || use + entryLength > record + length) { break; }
            if (image[use] == 'N' && image[use + 1] == 'M' && entryLength > 5)
            {
                name.Append(Encoding.UTF8.GetString(image, use + 5, entryLength - 5));
            }
            use += entryLength;
        }
        return name.Length > 0 ? name.ToString() : null;
    }
}
