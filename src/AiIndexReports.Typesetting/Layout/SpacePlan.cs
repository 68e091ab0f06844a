namespace AiIndexReports.Typesetting.Layout;

internal enum SpacePlanKind
{
    /// <summary>Nothing left to draw.</summary>
    Empty,
    /// <summary>Nothing fits here: move to the next page.</summary>
    Wrap,
    /// <summary>Part fits; the element continues on the next page.</summary>
    PartialRender,
    /// <summary>All that is left fits.</summary>
    FullRender,
}

/// <summary>An element's answer to "how much of you fits into this space?".</summary>
internal readonly record struct SpacePlan(SpacePlanKind Kind, float Width, float Height)
{
    public static readonly SpacePlan Empty = new(SpacePlanKind.Empty, 0, 0);
    public static readonly SpacePlan Wrap = new(SpacePlanKind.Wrap, 0, 0);
    public static SpacePlan Partial(float width, float height) => new(SpacePlanKind.PartialRender, width, height);
    public static SpacePlan Full(float width, float height) => new(SpacePlanKind.FullRender, width, height);

    /// <summary>True when something is drawn (partial or full).</summary>
    public bool Draws => Kind is SpacePlanKind.PartialRender or SpacePlanKind.FullRender;
}
