using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// A PNG or JPEG image. Without <see cref="Width"/> and <see cref="Height"/> it fills the available width keeping
/// its aspect ratio; with one of them the other follows from the aspect ratio.
/// </summary>
public sealed class Image : Element
{
    readonly SKImage _image;

    public Image(byte[] encoded, string? name = null)
    {
        Name = name;
        _image = SKImage.FromEncodedData(encoded)
            ?? throw new TypesettingException($"image{(name is null ? "" : $" '{name}'")}: {encoded.Length} bytes are not a PNG or JPEG image Skia can decode");
    }

    public float? Width { get; init; }
    public float? Height { get; init; }
    public string? Name { get; init; }
    /// <summary>
    /// What the image shows, in words: a tagged PDF reads this instead of the picture (a Figure with /Alt). Without it
    /// the image is decoration (an artifact).
    /// </summary>
    public string? Alt { get; init; }

    SKSize SizeIn(SKSize available)
    {
        var aspect = _image.Height / (float)_image.Width;
        if (Width is { } w) return new SKSize(w, Height ?? w * aspect);
        if (Height is { } h) return new SKSize(h / aspect, h);
        return new SKSize(available.Width, available.Width * aspect);
    }

    bool _drawn;
    internal override void Reset() => _drawn = false;

    /// <summary>An image of a given size asks for that width; otherwise it takes any width it is given.</summary>
    internal override (float Min, float Max) ContentWidths(LayoutContext context) =>
        Width is not null || Height is not null ? (SizeIn(default).Width, SizeIn(default).Width) : (0, 0);

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        if (_drawn) return SpacePlan.Empty;
        var size = SizeIn(available);
        return size.Height <= available.Height + 0.01f ? SpacePlan.Full(size.Width, size.Height) : SpacePlan.Wrap;
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        if (_drawn) return;
        _drawn = true;
        var size = SizeIn(available);
        var frame = context.Frame;
        if (string.IsNullOrWhiteSpace(Alt)) frame.PushArtifact(ArtifactKind.Layout, this);
        else frame.Push(frame.NewNode(StructRole.Figure, this, alt: Alt), this);
        frame.Image(_image, new SKRect(0, 0, size.Width, size.Height));
        frame.Pop();
    }

    internal override string Describe(LayoutContext context, SKSize available)
    {
        var size = SizeIn(available);
        return $"Image{(Name is null ? "" : $" '{Name}'")} {size.Width:0.#}×{size.Height:0.#} pt ({_image.Width}×{_image.Height} px)";
    }
}
