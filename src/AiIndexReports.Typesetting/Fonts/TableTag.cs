namespace AiIndexReports.Typesetting.Fonts;

/// <summary>An OpenType table tag as the table directory stores it: four ASCII letters, big-endian ("glyf" → 0x676C7966).</summary>
internal static class TableTag
{
    public static uint Of(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);
}
