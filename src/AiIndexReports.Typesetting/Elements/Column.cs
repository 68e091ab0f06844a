using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// Children stacked top to bottom with <see cref="Spacing"/> between them. Carries on across pages from the child
/// it stopped at. Keeps an element marked keep-with-next (heading, caption) off the bottom of a page.
/// </summary>
public sealed class Column : Element
{
    readonly List<Element> _items;
    readonly List<(int Index, SpacePlan Plan, float Top, bool AtPageTop)> _placed = [];
    int _current;
    // Open lists while consecutive bullet items are drawn: level, its L node, and the last item's LI (nested lists go in it).
    readonly List<(int Level, StructNode? List, BulletItem? Last)> _lists = [];

    public Column(params IEnumerable<Element> items) => _items = [.. items];

    /// <summary>Space between consecutive children; null takes the theme's block spacing.</summary>
    public float? Spacing { get; init; }
    public IReadOnlyList<Element> Items => _items;

    public Column Add(Element item)
    {
        _items.Add(item);
        return this;
    }

    internal override IEnumerable<Element> Children => _items;

    internal override void Reset()
    {
        _current = 0;
        _lists.Clear();
        base.Reset();
    }

    internal override bool KeepsWithNext => _items.Count > 0 && _items[^1].KeepsWithNext;

    /// <summary>Decides which children go on this page; fills <see cref="_placed"/>.</summary>
    bool Plan(LayoutContext context, SKSize available, out bool complete)
    {
        _placed.Clear();
        var spacing = Spacing ?? context.Theme.BlockSpacing;
        float y = 0;
        complete = true;
        var stoppedOnWrap = false;
        var pageTop = context.AtPageTop;
        var anyDrawn = false;
        for (var i = _current; i < _items.Count; i++)
        {
            var gap = anyDrawn ? spacing : 0;
            var atTop = pageTop && !anyDrawn;
            context.AtPageTop = atTop;
            var plan = _items[i].Measure(context, new SKSize(available.Width, Math.Max(0, available.Height - y - gap)));
            if (plan.Kind == SpacePlanKind.Empty)
            {
                _placed.Add((i, plan, y, atTop));
                continue;
            }
            if (plan.Kind == SpacePlanKind.Wrap)
            {
                complete = false;
                stoppedOnWrap = true;
                break;
            }
            _placed.Add((i, plan, y + gap, atTop));
            anyDrawn = true;
            y += gap + plan.Height;
            if (plan.Kind == SpacePlanKind.PartialRender)
            {
                complete = false;
                break;
            }
        }
        if (stoppedOnWrap && !context.Relaxed)
        {
            // A heading or caption may not be the last thing on the page: carry it over with what follows.
            while (_placed.Count > 0 && (_placed[^1].Plan.Kind == SpacePlanKind.Empty || _items[_placed[^1].Index].KeepsWithNext))
                _placed.RemoveAt(_placed.Count - 1);
        }
        context.AtPageTop = pageTop;
        return _placed.Any(p => p.Plan.Draws);
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        if (_current >= _items.Count) return SpacePlan.Empty;
        var draws = Plan(context, available, out var complete);
        if (!draws) return complete ? SpacePlan.Empty : SpacePlan.Wrap;
        var last = _placed.Last(p => p.Plan.Draws);
        var height = last.Top + last.Plan.Height;
        return complete ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        if (_current >= _items.Count) return;
        Plan(context, available, out var complete);
        var frame = context.Frame;
        var next = _current;
        var pageTop = context.AtPageTop;
        foreach (var (index, plan, top, atTop) in _placed.ToArray())
        {
            var child = _items[index];
            context.AtPageTop = atTop;
            if (plan.Draws)
            {
                GroupLists(frame, child);
                frame.Save();
                frame.Translate(0, top);
                // Same space as when measured, so the child makes the same decision again.
                child.Draw(context, new SKSize(available.Width, Math.Max(0, available.Height - top)));
                frame.Restore();
                if (child is BulletItem drawn && _lists.Count > 0) _lists[^1] = _lists[^1] with { Last = drawn };
            }
            else child.Draw(context, new SKSize(available.Width, 0));
            next = plan.Kind == SpacePlanKind.PartialRender ? index : index + 1;
        }
        context.AtPageTop = pageTop;
        _current = complete ? _items.Count : next;
    }

    /// <summary>
    /// Consecutive bullet items form one list (L) in the structure tree; a deeper item opens a list inside the item
    /// before it; anything else that draws (a paragraph, a table) ends the lists.
    /// </summary>
    void GroupLists(FrameBuilder frame, Element child)
    {
        if (child is not BulletItem item)
        {
            if (child is not (Spacer or PageBreak)) _lists.Clear();
            return;
        }
        if (item.List is not null) return; // continued from the previous page
        while (_lists.Count > 0 && _lists[^1].Level > item.Level) _lists.RemoveAt(_lists.Count - 1);
        if (_lists.Count == 0 || _lists[^1].Level < item.Level)
        {
            var parent = _lists.Count > 0 ? _lists[^1].Last?.ItemNode : null;
            _lists.Add((item.Level, frame.NewNode(StructRole.L, null, parent), null));
        }
        item.List = _lists[^1].List;
    }

    internal override string Describe(LayoutContext context, SKSize available) =>
        _current < _items.Count ? _items[_current].Describe(context, available) : nameof(Column);
}
