using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Elements;

/// <summary>
/// Children stacked top to bottom with <see cref="Spacing"/> between them. Carries on across pages from the child
/// it stopped at. Keeps an element marked keep-with-next (heading, caption) off the bottom of a page, and with at
/// least two lines of what follows it there.
/// <para>
/// In the page flow (<see cref="PlacesFloats"/>, the document body) a <see cref="Figure"/> marked
/// <see cref="Figure.Float"/> that does not fit where it stands moves to the top of the next page while what follows
/// it fills this page, as Typst's <c>place(float: true)</c> and LaTeX's floats do. Floats keep their order (once one
/// waits, later ones wait behind it) and their section: a level-1 heading, or a figure that does not float, does not
/// pass a waiting float — the page ends there and the floats open the next one. In the structure tree a float keeps
/// its place in the text (its node is reserved where it stood), so a screen reader reads the document in its order.
/// </para>
/// </summary>
public sealed class Column : Element
{
    readonly List<Element> _items;
    /// <summary>What this page shows: each child's plan and top; deferred floats (not drawn here) are listed where they stood.</summary>
    readonly List<Placement> _placed = [];
    /// <summary>Floats waiting for the next page, in order (indexes into the items, all before <see cref="_current"/>).</summary>
    readonly List<int> _pending = [];
    readonly List<int> _nextPending = [];
    int _current;
    int _resume;
    // Open lists while consecutive bullet items are drawn: level, its L node, and the last item's LI (nested lists go in it).
    readonly List<(int Level, StructNode? List, BulletItem? Last)> _lists = [];

    readonly record struct Placement(int Index, SpacePlan Plan, float Top, bool AtPageTop, bool Deferred = false);

    public Column(params IEnumerable<Element> items) => _items = [.. items];

    /// <summary>Space between consecutive children; null takes the theme's block spacing.</summary>
    public float? Spacing { get; init; }
    public IReadOnlyList<Element> Items => _items;

    /// <summary>True for the page flow: figures marked <see cref="Figure.Float"/> may move to the next page's top.</summary>
    internal bool PlacesFloats { get; init; }

    public Column Add(Element item)
    {
        _items.Add(item);
        return this;
    }

    internal override IEnumerable<Element> Children => _items;

    internal override void Reset()
    {
        _current = 0;
        _pending.Clear();
        _lists.Clear();
        base.Reset();
    }

    internal override bool KeepsWithNext => _items.Count > 0 && _items[^1].KeepsWithNext;

    bool IsFloat(Element element) => PlacesFloats && element is Figure { Floats: true };

    /// <summary>A level-1 heading opens a section a waiting float may not pass; nor may a figure that does not float.</summary>
    static bool StopsFloats(Element element) => element is Heading { Level: 1 } or Figure { Floats: false };

    /// <summary>
    /// Decides what goes on this page: fills <see cref="_placed"/>, <see cref="_resume"/> (the child the next page
    /// continues with) and <see cref="_nextPending"/> (floats that wait for the next page). Changes nothing else, so
    /// that <see cref="Draw"/> makes the same decision as <see cref="Measure"/>.
    /// </summary>
    bool Plan(LayoutContext context, SKSize available, out bool complete)
    {
        _placed.Clear();
        _nextPending.Clear();
        var spacing = Spacing ?? context.Theme.BlockSpacing;
        float y = 0;
        var pageTop = context.AtPageTop;
        var anyDrawn = false;
        var stoppedOnWrap = false;
        var stopped = false;

        bool Place(int index, out SpacePlan plan, bool shrink = false)
        {
            var gap = anyDrawn ? spacing : 0;
            var atTop = pageTop && !anyDrawn;
            context.AtPageTop = atTop;
            var space = new SKSize(available.Width, Math.Max(0, available.Height - y - gap));
            if (IsFloat(_items[index]))
            {
                var figure = (Figure)_items[index];
                if (!shrink) figure.Unshrink();
                else if (!figure.ShrinkToFit(context, space))
                {
                    plan = SpacePlan.Wrap;
                    return false;
                }
            }
            plan = _items[index].Measure(context, space);
            if (plan.Kind == SpacePlanKind.Empty) _placed.Add(new Placement(index, plan, y, atTop));
            else if (plan.Draws)
            {
                _placed.Add(new Placement(index, plan, y + gap, atTop));
                anyDrawn = true;
                y += gap + plan.Height;
            }
            return plan.Kind != SpacePlanKind.Wrap;
        }

        // Floats carried over from the previous page open this one, in order; one that does not fit waits again, and so
        // do the ones behind it.
        foreach (var index in _pending)
        {
            if (_nextPending.Count > 0 || stopped)
            {
                _nextPending.Add(index);
                continue;
            }
            if (!Place(index, out var plan))
            {
                if (!anyDrawn) stopped = stoppedOnWrap = true; // not even an empty page holds it: let the page relax
                else _nextPending.Add(index);
            }
            else if (plan.Kind == SpacePlanKind.PartialRender)
            {
                // Only on a relaxed page (a float taller than a page): it goes on where it stopped, before anything else.
                _nextPending.Add(index);
                stopped = true;
            }
        }

        _resume = _current;
        for (var i = _current; i < _items.Count && !stopped; i++)
        {
            var item = _items[i];
            _resume = i;
            if (_nextPending.Count > 0)
            {
                if (IsFloat(item))
                {
                    _placed.Add(new Placement(i, SpacePlan.Wrap, y, false, Deferred: true));
                    _nextPending.Add(i);
                    continue;
                }
                if (StopsFloats(item))
                {
                    stopped = stoppedOnWrap = true;
                    break;
                }
            }
            if (!Place(i, out var plan) && !(IsFloat(item) && anyDrawn && ClosesSection(i) && Place(i, out plan, shrink: true)))
            {
                if (IsFloat(item) && anyDrawn)
                {
                    _placed.Add(new Placement(i, SpacePlan.Wrap, y, false, Deferred: true));
                    _nextPending.Add(i);
                    continue;
                }
                stopped = stoppedOnWrap = true;
                break;
            }
            if (plan.Kind == SpacePlanKind.PartialRender)
            {
                stopped = true;
                break;
            }
            _resume = i + 1;
        }
        if (!stopped) _resume = _items.Count;

        if (stopped && !context.Relaxed) KeepHeadingsWithNext(stoppedOnWrap);
        complete = _resume >= _items.Count && _nextPending.Count == 0;
        context.AtPageTop = pageTop;
        return _placed.Any(p => p.Plan.Draws);
    }

    /// <summary>
    /// True when nothing may follow the float at <paramref name="index"/> on this page if it waits for the next one:
    /// only floats lie between it and the end of the flow, a level-1 heading, a figure that does not float or a page
    /// break. Such a float may rather be shortened to stay (<see cref="Figure.ShrinkToFit"/>).
    /// </summary>
    bool ClosesSection(int index)
    {
        var next = index + 1;
        while (next < _items.Count && IsFloat(_items[next])) next++;
        return next >= _items.Count || StopsFloats(_items[next]) || _items[next] is PageBreak;
    }

    /// <summary>
    /// A heading or caption may not end the page, nor stand there with fewer than two lines under it: carry it over
    /// with what follows. Floats deferred after the new end are no longer deferred (the next page meets them in turn).
    /// </summary>
    void KeepHeadingsWithNext(bool stoppedOnWrap)
    {
        var flowStart = _placed.FindIndex(p => p.Index >= _current);
        if (flowStart < 0) return;
        while (true)
        {
            var cut = -1;
            if (stoppedOnWrap)
            {
                var last = _placed.FindLastIndex(p => !p.Deferred);
                if (last >= flowStart && (_placed[last].Plan.Kind == SpacePlanKind.Empty || _items[_placed[last].Index].KeepsWithNext)) cut = last;
            }
            if (cut < 0)
            {
                var keeper = _placed.FindLastIndex(p => p.Plan.Draws && _items[p.Index].KeepsWithNext);
                if (keeper >= flowStart)
                {
                    var lines = 0L;
                    for (var k = keeper + 1; k < _placed.Count; k++)
                        if (_placed[k].Plan.Draws) lines += _items[_placed[k].Index].MeasuredLines;
                    if (lines < 2) cut = keeper;
                }
            }
            if (cut < 0) return;
            _resume = _placed[cut].Index;
            _placed.RemoveRange(cut, _placed.Count - cut);
            _nextPending.RemoveAll(index => index >= _resume);
            stoppedOnWrap = true;
        }
    }

    /// <summary>As wide as its widest child asks.</summary>
    internal override (float Min, float Max) ContentWidths(LayoutContext context)
    {
        float min = 0, max = 0;
        foreach (var item in _items)
        {
            var (lo, hi) = item.ContentWidths(context);
            (min, max) = (Math.Max(min, lo), Math.Max(max, hi));
        }
        return (min, max);
    }

    internal override int MeasuredLines
    {
        get
        {
            var lines = 0L;
            foreach (var p in _placed)
                if (p.Plan.Draws) lines += _items[p.Index].MeasuredLines;
            return (int)Math.Min(int.MaxValue, lines);
        }
    }

    internal override SpacePlan Measure(LayoutContext context, SKSize available)
    {
        if (_current >= _items.Count && _pending.Count == 0) return SpacePlan.Empty;
        var draws = Plan(context, available, out var complete);
        if (!draws) return complete ? SpacePlan.Empty : SpacePlan.Wrap;
        var last = _placed.Last(p => p.Plan.Draws);
        var height = last.Top + last.Plan.Height;
        return complete ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    internal override void Draw(LayoutContext context, SKSize available)
    {
        if (_current >= _items.Count && _pending.Count == 0) return;
        Plan(context, available, out var complete);
        var frame = context.Frame;
        var pageTop = context.AtPageTop;
        var placed = _placed.ToArray();
        var shifts = PlacesFloats && !complete ? FillShifts(context.Theme.PageFill, placed, available.Height) : null;
        for (var k = 0; k < placed.Length; k++)
        {
            var (index, plan, top, atTop, deferred) = placed[k];
            var child = _items[index];
            context.AtPageTop = atTop;
            if (deferred)
            {
                // The float's node takes its place in the reading order here; its content follows on a later page.
                _lists.Clear();
                ((Figure)child).ReserveNode(frame);
            }
            else if (plan.Draws)
            {
                GroupLists(frame, child);
                frame.Save();
                frame.Translate(0, top + (shifts?[k] ?? 0));
                // Same space as when measured, so the child makes the same decision again.
                child.Draw(context, new SKSize(available.Width, Math.Max(0, available.Height - top)));
                frame.Restore();
                if (child is BulletItem drawn && _lists.Count > 0) _lists[^1] = _lists[^1] with { Last = drawn };
            }
            else child.Draw(context, new SKSize(available.Width, 0));
        }
        context.AtPageTop = pageTop;
        _current = _resume;
        _pending.Clear();
        _pending.AddRange(_nextPending);
    }

    /// <summary>
    /// Vertical justification of a page the flow leaves before its bottom (a float or a kept-together block that did
    /// not fit, a section waiting for its floats, a heading carried over): the space left is shared among the gaps
    /// between blocks, each growing by at most its limit (<see cref="PageFillStyle"/>: most around figures, some before
    /// headings and between blocks, none under a heading), all by the same share of their limit. A page ended by a
    /// page break, or the flow's last page, keeps its ragged bottom. Returns how far down each placed child moves.
    /// </summary>
    float[]? FillShifts(PageFillStyle style, Placement[] placed, float height)
    {
        var drawn = Enumerable.Range(0, placed.Length).Where(k => placed[k].Plan.Draws).ToList();
        if (drawn.Count < 2 || _items[placed[drawn[^1]].Index] is PageBreak) return null;
        var last = placed[drawn[^1]];
        var left = height - (last.Top + last.Plan.Height);
        if (left <= 0.5f) return null;
        var limits = new float[drawn.Count];
        for (var g = 1; g < drawn.Count; g++)
        {
            var above = _items[placed[drawn[g - 1]].Index];
            var below = _items[placed[drawn[g]].Index];
            limits[g] = above.KeepsWithNext ? 0
                : above is Figure || below is Figure ? style.AroundFigures
                : below is Heading ? style.BeforeHeadings
                : style.BetweenBlocks;
        }
        var total = limits.Sum();
        if (total <= 0) return null;
        var share = Math.Min(1f, left / total);
        var shifts = new float[placed.Length];
        float shift = 0;
        var next = 0;
        for (var k = 0; k < placed.Length; k++)
        {
            if (next < drawn.Count && drawn[next] == k) shift += limits[next++] * share;
            shifts[k] = shift;
        }
        return shifts;
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
        _pending.Count > 0 ? _items[_pending[0]].Describe(context, available)
        : _current < _items.Count ? _items[_current].Describe(context, available) : nameof(Column);
}
