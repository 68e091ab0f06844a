using System.Runtime.InteropServices;

namespace AiIndexReports.Typesetting.Fonts;

/// <summary>
/// The part of HarfBuzz's C API that font subsetting needs. The managed HarfBuzzSharp binding has no subset API,
/// but the native libHarfBuzzSharp it ships (HarfBuzzSharp.NativeAssets.Linux 8.3.1.1) exports hb_subset_*.
/// Every pointer here is an hb object that must be released with its *_destroy function.
/// </summary>
internal static partial class HarfBuzzSubsetNative
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>The undocumented exports subsetting needs; checked once before the first call.</summary>
    private static readonly string[] SubsetExports =
    [
        "hb_subset_input_create_or_fail", "hb_subset_input_destroy", "hb_subset_input_unicode_set", "hb_subset_input_glyph_set",
        "hb_subset_input_set", "hb_subset_input_set_flags", "hb_subset_or_fail",
    ];

    private static readonly Lazy<string?> Missing = new(FindMissingExports);

    /// <summary>
    /// Throws a clear error when the native HarfBuzz shipped with HarfBuzzSharp lacks the subset API (another build of
    /// the native library, or none), instead of an EntryPointNotFoundException in the middle of a brief.
    /// </summary>
    public static void EnsureAvailable()
    {
        if (Missing.Value is { } problem) throw new FontSubsetException(problem);
    }

    private static string? FindMissingExports()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(HarfBuzzSubsetNative).Assembly, null, out var handle))
            return $"the native HarfBuzz library ({Library}, from HarfBuzzSharp.NativeAssets) could not be loaded: fonts cannot be subset";
        var missing = SubsetExports.Where(name => !NativeLibrary.TryGetExport(handle, name, out _)).ToList();
        return missing.Count == 0 ? null
            : $"the native HarfBuzz library ({Library}) has no {string.Join(", ", missing)}: this build cannot subset fonts "
              + "(the HarfBuzzSharp.NativeAssets version pinned in Directory.Packages.props has them)";
    }

    /// <summary>hb_memory_mode_t: HarfBuzz reads the caller's bytes in place and never writes them.</summary>
    public const int MemoryModeReadOnly = 1;

    /// <summary>hb_subset_sets_t: the set of tables left out of the subset (HarfBuzz starts it with a default list).</summary>
    public const int SubsetSetsDropTableTag = 3;

    /// <summary>hb_subset_sets_t: the set of name ids kept in the 'name' table.</summary>
    public const int SubsetSetsNameId = 4;

    [Flags]
    public enum SubsetFlags : uint
    {
        Default = 0,
        NoHinting = 1u << 0,
        RetainGids = 1u << 1,
        NameLegacy = 1u << 3,
        NotdefOutline = 1u << 6,
    }

    [LibraryImport(Library, EntryPoint = "hb_blob_create")]
    public static unsafe partial IntPtr BlobCreate(byte* data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [LibraryImport(Library, EntryPoint = "hb_blob_destroy")]
    public static partial void BlobDestroy(IntPtr blob);

    [LibraryImport(Library, EntryPoint = "hb_blob_get_data")]
    public static unsafe partial byte* BlobGetData(IntPtr blob, out uint length);

    [LibraryImport(Library, EntryPoint = "hb_face_create")]
    public static partial IntPtr FaceCreate(IntPtr blob, uint index);

    [LibraryImport(Library, EntryPoint = "hb_face_destroy")]
    public static partial void FaceDestroy(IntPtr face);

    [LibraryImport(Library, EntryPoint = "hb_face_get_glyph_count")]
    public static partial uint FaceGetGlyphCount(IntPtr face);

    [LibraryImport(Library, EntryPoint = "hb_face_reference_blob")]
    public static partial IntPtr FaceReferenceBlob(IntPtr face);

    [LibraryImport(Library, EntryPoint = "hb_font_create")]
    public static partial IntPtr FontCreate(IntPtr face);

    [LibraryImport(Library, EntryPoint = "hb_font_destroy")]
    public static partial void FontDestroy(IntPtr font);

    /// <summary>The glyph the font's cmap maps <paramref name="unicode"/> to; returns 0 (false) when it maps none.</summary>
    [LibraryImport(Library, EntryPoint = "hb_font_get_nominal_glyph")]
    public static partial int FontGetNominalGlyph(IntPtr font, uint unicode, out uint glyph);

    [LibraryImport(Library, EntryPoint = "hb_set_add")]
    public static partial void SetAdd(IntPtr set, uint codepoint);

    [LibraryImport(Library, EntryPoint = "hb_set_clear")]
    public static partial void SetClear(IntPtr set);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_create_or_fail")]
    public static partial IntPtr SubsetInputCreateOrFail();

    [LibraryImport(Library, EntryPoint = "hb_subset_input_destroy")]
    public static partial void SubsetInputDestroy(IntPtr input);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_unicode_set")]
    public static partial IntPtr SubsetInputUnicodeSet(IntPtr input);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_glyph_set")]
    public static partial IntPtr SubsetInputGlyphSet(IntPtr input);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_set")]
    public static partial IntPtr SubsetInputSet(IntPtr input, int setType);

    [LibraryImport(Library, EntryPoint = "hb_subset_input_set_flags")]
    public static partial void SubsetInputSetFlags(IntPtr input, uint flags);

    [LibraryImport(Library, EntryPoint = "hb_subset_or_fail")]
    public static partial IntPtr SubsetOrFail(IntPtr sourceFace, IntPtr input);
}
