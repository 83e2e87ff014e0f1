using System.Text;

namespace BareMetal.Driver.ConfigDrive.Iso;

/// <summary>The Rock Ridge (SUSP) entries of the primary tree: SP, CE, ER, PX, TF and NM.</summary>
internal static partial class Iso9660Writer
{
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
}
