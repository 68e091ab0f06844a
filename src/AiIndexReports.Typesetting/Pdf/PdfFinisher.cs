using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// Writes the finished file from what SkiaSharp drew and what layout knows, as one new file with its own cross-reference
/// table (nothing is patched in place): link annotations, named destinations, bookmarks, /Lang, document information
/// and XMP metadata with pinned dates and ids; and for a tagged PDF (PDF/UA-1 + PDF/A-2a) the structure tree.
/// <para>
/// Tagging works because the exporter draws a <see cref="BlockMarker"/> before each frame block and after a page's
/// last one. Each marker is replaced here by the end of one marked-content sequence and the start of the next —
/// <c>/P &lt;&lt;/MCID n&gt;&gt; BDC … EMC</c> for content, <c>/Artifact … BDC … EMC</c> for page furniture — and
/// the structure tree points at those MCIDs.
/// </para>
/// Same inputs → same bytes, in any time zone and locale.
/// </summary>
internal sealed class PdfFinisher
{
    readonly PdfObjectTable _objects;
    readonly PdfDictionary _trailer;
    readonly PdfDocumentInfo _info;
    int _next;

    PdfFinisher(byte[] skiaPdf, PdfDocumentInfo info)
    {
        (_objects, _trailer) = PdfParser.ReadFile(skiaPdf);
        _info = info;
        _next = _objects.MaxNumber + 1;
    }

    /// <summary>The finished PDF.</summary>
    /// <exception cref="InvalidDataException">The Skia output is not what the exporter drew (a layer count differs).</exception>
    public static byte[] Finish(byte[] skiaPdf, PdfDocumentInfo info) => new PdfFinisher(skiaPdf, info).Write(skiaPdf);

    PdfReference Add(PdfObject value)
    {
        _objects[_next] = value;
        return new PdfReference(_next++);
    }

    T Resolve<T>(PdfObject? value) where T : PdfObject => (value is PdfReference r ? _objects[r.Number] : value) as T
        ?? throw new InvalidDataException($"expected a {typeof(T).Name[3..]}, found {value?.GetType().Name ?? "nothing"}");

    byte[] Write(byte[] skiaPdf)
    {
        var catalogRef = (PdfReference)_trailer["Root"]!;
        var oldCatalog = Resolve<PdfDictionary>(catalogRef);
        var pages = PageRefs(oldCatalog["Pages"]!).ToList();
        if (pages.Count != _info.Pages.Count)
            throw new InvalidDataException($"Skia wrote {pages.Count} pages for {_info.Pages.Count} page frames");
        var documentId = DocumentId(skiaPdf);

        CompleteToUnicode();
        EmbedFontPrograms();
        var tagged = _info.Standard != PdfStandard.None;
        var mcids = new Dictionary<FrameBlock, int>();
        if (tagged)
        {
            // Pages are independent: their content is rewritten in parallel, then applied in page order.
            var marked = new MarkedPage?[pages.Count];
            ParallelWork.For(pages.Count, i => marked[i] = MarkPageContent(pages[i], _info.Pages[i]));
            foreach (var page in marked) if (page is not null) Apply(page, mcids);
        }

        // Structure elements are numbered before annotations point at them (annotation /StructParent → Link element).
        var elements = new Dictionary<StructNode, PdfReference>();
        if (tagged) Reserve(_info.Structure, elements);
        var parentTree = new List<(int Key, PdfObject Value)>();
        var annotationRefs = new Dictionary<LinkItem, PdfReference>();
        var nextKey = pages.Count;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = Resolve<PdfDictionary>(pages[i]);
            var frame = _info.Pages[i];
            page["StructParents"] = tagged ? new PdfNumber(i) : null;
            var annotations = new PdfArray();
            foreach (var link in frame.Links)
            {
                var annotation = LinkAnnotation(link, frame, pages);
                if (tagged && link.Node is { } node && elements.TryGetValue(node, out var element))
                {
                    annotation.Set("StructParent", nextKey);
                    parentTree.Add((nextKey++, element));
                }
                var reference = Add(annotation);
                annotationRefs[link] = reference;
                annotations.Add(reference);
            }
            page["Annots"] = annotations.Items.Count > 0 ? annotations : null;
            if (tagged && annotations.Items.Count > 0) page.Set("Tabs", "S");
            if (tagged)
                parentTree.Add((i, new PdfArray(frame.Blocks.Where(b => b.Node is not null && mcids.ContainsKey(b)).OrderBy(b => mcids[b]).Select(b => (PdfObject)elements[b.Node!]))));
        }

        var catalog = new PdfDictionary().Set("Type", "Catalog").Set("Pages", oldCatalog["Pages"]!);
        catalog.Set("Lang", PdfString.Text(_info.Metadata.Language));
        if (NamedDestinations(pages) is { } names) catalog.Set("Names", new PdfDictionary().Set("Dests", names));
        if (Outline(pages) is { } outline)
        {
            catalog.Set("Outlines", outline);
            catalog.Set("PageMode", "UseOutlines");
        }
        var metadata = PdfStream.Create(new PdfDictionary().Set("Type", "Metadata").Set("Subtype", "XML"),
            Xmp.Packet(_info.Metadata, _info.Standard, documentId), compress: false); // PDF/A: metadata stays readable as is
        catalog.Set("Metadata", Add(metadata));
        if (tagged)
        {
            catalog.Set("MarkInfo", new PdfDictionary().Set("Marked", new PdfBoolean(true)));
            catalog.Set("ViewerPreferences", new PdfDictionary().Set("DisplayDocTitle", new PdfBoolean(true)));
            catalog.Set("StructTreeRoot", StructTreeRoot(elements, mcids, annotationRefs, pages, parentTree, nextKey));
            catalog.Set("OutputIntents", new PdfArray([OutputIntent()]));
        }
        _objects[catalogRef.Number] = catalog;
        PdfReference infoRef;
        if (_trailer["Info"] is PdfReference skiaInfo) _objects[(infoRef = skiaInfo).Number] = Info();
        else infoRef = Add(Info());
        return Serialize(catalogRef, infoRef, documentId);
    }

    /// <summary>Every glyph drawn maps to its text: see <see cref="ToUnicodeCompletion"/>.</summary>
    void CompleteToUnicode()
    {
        foreach (var number in _objects.RawContaining("/Type0"u8.ToArray()))
        {
            if (_objects[number] is not PdfDictionary { } font || font["Subtype"] is not PdfName { Value: "Type0" }
                || font["BaseFont"] is not PdfName baseFont || font["ToUnicode"] is not PdfReference toUnicode) continue;
            var name = WithoutSubsetTag(baseFont.Value);
            if (!_info.GlyphTexts.TryGetValue(name, out var texts)) continue;
            var cmap = Resolve<PdfStream>(toUnicode);
            var completed = ToUnicodeCompletion.Complete(cmap.Decoded(), texts);
            _objects[toUnicode.Number] = PdfStream.Create(new PdfDictionary(), completed);
        }
    }

    /// <summary>
    /// Puts each real subset in place of the outline-free copy Skia drew with and embedded (<see cref="FontProgram"/>).
    /// What is replaced must be exactly that copy, and every copy must be replaced: otherwise the file would show no
    /// text at all, so either is an error, not a file.
    /// </summary>
    void EmbedFontPrograms()
    {
        if (_info.FontPrograms.Count == 0) return;
        var descriptors = _objects.RawContaining("/FontFile2"u8.ToArray()).Select(n => _objects[n]).OfType<PdfDictionary>().ToList();
        var replaced = new HashSet<int>();
        foreach (var descriptor in descriptors)
        {
            if (descriptor["FontName"] is not PdfName fontName || descriptor["FontFile2"] is not PdfReference file) continue;
            var name = WithoutSubsetTag(fontName.Value);
            if (!_info.FontPrograms.TryGetValue(name, out var program)) continue;
            if (Length1(file) != program.DrawnWith.Length)
                throw new InvalidDataException($"the font program Skia embedded for {name} is not the one it drew with");
            var real = new PdfStream(new PdfDictionary().Set("Length1", program.Subset.Length), []);
            real.SetData(program.Deflated.GetAwaiter().GetResult(), "FlateDecode");
            _objects[file.Number] = real;
            replaced.Add(file.Number);
        }
        // A program of an outline-free copy's size left in place would show no text at all: never written.
        var copies = _info.FontPrograms.Values.Select(p => p.DrawnWith.Length).ToHashSet();
        if (descriptors.Select(d => d["FontFile2"]).OfType<PdfReference>().Any(f => !replaced.Contains(f.Number) && copies.Contains(Length1(f))))
            throw new InvalidDataException("a font program without outlines was left in the file");
    }

    /// <summary>"AAAAAA+Pretendard-Regular" → "Pretendard-Regular": the PostScript name of a subset font (ISO 32000-1, 9.6.4).</summary>
    static string WithoutSubsetTag(string fontName) => fontName.Length > 7 && fontName[6] == '+' ? fontName[7..] : fontName;

    int Length1(PdfReference file) => Resolve<PdfStream>(file).Dictionary["Length1"] is PdfNumber n ? n.IntValue : -1;

    IEnumerable<PdfReference> PageRefs(PdfObject node)
    {
        var dictionary = Resolve<PdfDictionary>(node);
        if (dictionary["Type"] is PdfName { Value: "Pages" })
        {
            foreach (var kid in Resolve<PdfArray>(dictionary["Kids"]).Items)
                foreach (var page in PageRefs(kid)) yield return page;
        }
        else yield return (PdfReference)node;
    }

    /// <summary>A page's new content and the MCID of each tagged block on it.</summary>
    sealed record MarkedPage(int ContentsNumber, PdfStream Content, List<(FrameBlock Block, int Mcid)> Mcids);

    void Apply(MarkedPage page, Dictionary<FrameBlock, int> mcids)
    {
        foreach (var (block, mcid) in page.Mcids) mcids[block] = mcid;
        _objects[page.ContentsNumber] = page.Content;
    }

    /// <summary>
    /// Replaces the <see cref="BlockMarker"/>s in the page's content by marked-content operators: the marker before a
    /// block begins its sequence — <c>/P &lt;&lt;/MCID n&gt;&gt; BDC</c> for content, <c>/Artifact … BDC</c> for page
    /// furniture — and the next one ends it (<c>EMC</c>). Everything else is copied byte for byte. Reads only: the
    /// result is applied by <see cref="Apply"/>.
    /// </summary>
    MarkedPage? MarkPageContent(PdfReference pageRef, PageFrame frame)
    {
        var page = Resolve<PdfDictionary>(pageRef);
        var blocks = frame.Blocks.Where(_info.Drawn.Contains).ToList();
        if (blocks.Count == 0) return null;
        var contentsRef = (PdfReference)page["Contents"]!;
        using var decoded = Resolve<PdfStream>(contentsRef).DecodedStream();
        var source = decoded.GetBuffer().AsSpan(0, (int)decoded.Length);
        List<(int Start, int ColorEnd, int RectStart, int End)> markers;
        try { markers = BlockMarker.Find(source, blocks.Count + 1); }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"page {frame.Index + 1}: the content Skia wrote for {blocks.Count} frame blocks does not match: {e.Message}");
        }

        var content = new PdfOutput(n => n, source.Length + 32 * markers.Count);
        var mcid = 0;
        var mcids = new List<(FrameBlock, int)>();
        var copied = 0;
        for (var i = 0; i < markers.Count; i++)
        {
            var (start, colorEnd, rectStart, end) = markers[i];
            content.Bytes(source.Slice(copied, start - copied));
            if (i > 0) content.Raw("EMC\n");
            content.Bytes(source.Slice(colorEnd, rectStart - colorEnd)); // the marker's graphics state, if any
            if (i < blocks.Count)
            {
                var current = blocks[i];
                if (current.Node is { } node)
                {
                    mcids.Add((current, mcid));
                    content.Raw("/").Raw(node.Role.ToString()).Raw(" <</MCID ").Raw(mcid++.ToString(CultureInfo.InvariantCulture)).Raw(">> BDC\n");
                }
                else content.Raw("/Artifact ").Raw(ArtifactProperties(current.Artifact!.Value)).Raw(" BDC\n");
            }
            copied = end;
        }
        content.Bytes(source[copied..]);
        return new MarkedPage(contentsRef.Number, PdfStream.Deflated(new PdfDictionary(), content.Written), mcids);
    }

    static string ArtifactProperties(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Header => "<</Type /Pagination /Subtype /Header /Attached [/Top]>>",
        ArtifactKind.Footer => "<</Type /Pagination /Subtype /Footer /Attached [/Bottom]>>",
        ArtifactKind.Pagination => "<</Type /Pagination>>",
        ArtifactKind.Background => "<</Type /Background>>",
        _ => "<</Type /Layout>>",
    };

    /// <summary>Numbers every node that has content, in reading order (the tree's pre-order).</summary>
    void Reserve(StructNode node, Dictionary<StructNode, PdfReference> elements)
    {
        if (!node.HasContent) return;
        elements[node] = new PdfReference(_next++);
        foreach (var kid in node.Kids)
            if (kid is StructNode child) Reserve(child, elements);
    }

    PdfReference StructTreeRoot(Dictionary<StructNode, PdfReference> elements, Dictionary<FrameBlock, int> mcids,
        Dictionary<LinkItem, PdfReference> annotations, List<PdfReference> pages, List<(int Key, PdfObject Value)> parentTree, int nextKey)
    {
        var rootRef = new PdfReference(_next++);
        foreach (var (node, reference) in elements)
        {
            var element = new PdfDictionary().Set("Type", "StructElem").Set("S", node.Role.ToString())
                .Set("P", node.Parent is { } parent ? elements[parent] : rootRef);
            var firstPage = FirstPage(node);
            if (firstPage >= 0) element.Set("Pg", pages[firstPage]);
            if (node.Alt is not null) element.Set("Alt", PdfString.Text(node.Alt));
            if (node.ActualText is not null) element.Set("ActualText", PdfString.Text(node.ActualText));
            if (node.Language is not null) element.Set("Lang", PdfString.Text(node.Language));
            if (node.Scope is not null || node.RowSpan > 1 || node.ColSpan > 1)
            {
                // Table attributes (ISO 32000-1, 14.8.5.7): header scope and merged cells.
                var table = new PdfDictionary().Set("O", "Table");
                if (node.Scope is { } scope) table.Set("Scope", scope.ToString());
                if (node.RowSpan > 1) table.Set("RowSpan", node.RowSpan);
                if (node.ColSpan > 1) table.Set("ColSpan", node.ColSpan);
                element.Set("A", table);
            }
            var kids = new PdfArray();
            foreach (var kid in node.Kids)
            {
                switch (kid)
                {
                    case StructNode child when elements.TryGetValue(child, out var childRef):
                        kids.Add(childRef);
                        break;
                    case FrameBlock block when mcids.TryGetValue(block, out var mcid):
                        kids.Add(block.PageIndex == firstPage ? new PdfNumber(mcid)
                            : new PdfDictionary().Set("Type", "MCR").Set("Pg", pages[block.PageIndex]).Set("MCID", mcid));
                        break;
                    case LinkItem link when annotations.TryGetValue(link, out var annotation):
                        kids.Add(new PdfDictionary().Set("Type", "OBJR").Set("Obj", annotation).Set("Pg", pages[link.PageIndex]));
                        break;
                }
            }
            element.Set("K", kids.Items.Count == 1 ? kids.Items[0] : kids);
            _objects[reference.Number] = element;
        }
        var nums = new PdfArray();
        foreach (var (key, value) in parentTree.OrderBy(p => p.Key))
            nums.Add(new PdfNumber(key)).Add(value);
        var root = new PdfDictionary().Set("Type", "StructTreeRoot").Set("K", elements[_info.Structure])
            .Set("ParentTree", Add(new PdfDictionary().Set("Nums", nums))).Set("ParentTreeNextKey", nextKey);
        _objects[rootRef.Number] = root;
        return rootRef;
    }

    static int FirstPage(StructNode node)
    {
        foreach (var kid in node.Kids)
            if (kid is FrameBlock block) return block.PageIndex;
        return -1;
    }

    PdfDictionary LinkAnnotation(LinkItem link, PageFrame frame, List<PdfReference> pages)
    {
        var height = frame.Size.Height;
        var annotation = new PdfDictionary().Set("Type", "Annot").Set("Subtype", "Link")
            .Set("Rect", Numbers(link.Rect.Left, height - link.Rect.Bottom, link.Rect.Right, height - link.Rect.Top))
            .Set("Border", Numbers(0, 0, 0))
            .Set("F", 4) // print: PDF/A wants annotations printed as shown
            .Set("Contents", PdfString.Text(link.Text));
        if (link.Url is not null) annotation.Set("A", new PdfDictionary().Set("S", "URI").Set("URI", PdfString.Ascii(link.Url)));
        else annotation.Set("Dest", PdfString.Ascii(link.Anchor!));
        return annotation;
    }

    static PdfArray Numbers(params double[] values) => new(values.Select(v => (PdfObject)new PdfNumber(v)));

    PdfReference? NamedDestinations(List<PdfReference> pages)
    {
        var destinations = _info.Pages.SelectMany(p => p.Destinations.Select(d => (Page: p, Destination: d)))
            .OrderBy(d => d.Destination.Name, StringComparer.Ordinal).ToList();
        if (destinations.Count == 0) return null;
        var names = new PdfArray();
        foreach (var (page, destination) in destinations)
            names.Add(PdfString.Ascii(destination.Name)).Add(new PdfArray([pages[page.Index], new PdfName("XYZ"),
                new PdfNumber(destination.Point.X), new PdfNumber(page.Size.Height - destination.Point.Y), PdfNull.Instance]));
        return Add(new PdfDictionary().Set("Names", names));
    }

    /// <summary>Bookmarks: each entry nests under the closest earlier entry of a lower level; all open.</summary>
    PdfReference? Outline(List<PdfReference> pages)
    {
        var entries = _info.Outline;
        if (entries.Count == 0) return null;
        var rootRef = new PdfReference(_next++);
        var items = entries.Select(_ => new PdfDictionary()).ToList();
        var refs = items.Select(Add).ToList();
        var parents = new int[entries.Count];
        var open = new Stack<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            while (open.Count > 0 && entries[open.Peek()].Level >= entries[i].Level) open.Pop();
            parents[i] = open.Count > 0 ? open.Peek() : -1;
            open.Push(i);
        }
        PdfDictionary Node(int index) => index < 0 ? (PdfDictionary)_objects[rootRef.Number] : items[index];
        PdfReference Ref(int index) => index < 0 ? rootRef : refs[index];
        _objects[rootRef.Number] = new PdfDictionary().Set("Type", "Outlines");
        for (var i = 0; i < entries.Count; i++)
        {
            var page = _info.Pages[entries[i].PageIndex];
            items[i].Set("Title", PdfString.Text(entries[i].Title)).Set("Parent", Ref(parents[i]))
                .Set("Dest", new PdfArray([pages[entries[i].PageIndex], new PdfName("XYZ"), PdfNull.Instance, new PdfNumber(page.Size.Height), PdfNull.Instance]));
            var siblings = Enumerable.Range(0, entries.Count).Where(j => parents[j] == parents[i]).ToList();
            var at = siblings.IndexOf(i);
            if (at > 0) items[i].Set("Prev", refs[siblings[at - 1]]);
            if (at < siblings.Count - 1) items[i].Set("Next", refs[siblings[at + 1]]);
        }
        for (var i = -1; i < entries.Count; i++)
        {
            var children = Enumerable.Range(0, entries.Count).Where(j => parents[j] == i).ToList();
            if (children.Count == 0) continue;
            Node(i).Set("First", refs[children[0]]).Set("Last", refs[children[^1]]);
            // Open items count every visible descendant.
            Node(i).Set("Count", Enumerable.Range(0, entries.Count).Count(j => IsDescendant(j, i)));
        }
        return rootRef;

        bool IsDescendant(int j, int ancestor)
        {
            for (var p = parents[j]; ; p = parents[p])
            {
                if (p == ancestor) return true;
                if (p < 0) return false;
            }
        }
    }

    PdfReference OutputIntent()
    {
        var profile = new PdfStream(new PdfDictionary().Set("N", 3).Set("Filter", "FlateDecode"), SrgbProfile.Deflated);
        return Add(new PdfDictionary().Set("Type", "OutputIntent").Set("S", "GTS_PDFA1")
            .Set("OutputConditionIdentifier", PdfString.Ascii("sRGB IEC61966-2.1"))
            .Set("RegistryName", PdfString.Ascii("http://www.color.org"))
            .Set("Info", PdfString.Ascii("sRGB IEC61966-2.1"))
            .Set("DestOutputProfile", Add(profile)));
    }

    PdfDictionary Info()
    {
        var meta = _info.Metadata;
        var info = new PdfDictionary();
        void Text(string key, string? value) { if (!string.IsNullOrEmpty(value)) info.Set(key, PdfString.Text(value)); }
        Text("Title", meta.Title);
        Text("Author", meta.Author);
        Text("Subject", meta.Subject);
        Text("Keywords", meta.Keywords);
        Text("Creator", meta.Creator);
        Text("Producer", meta.Producer);
        var date = PdfString.Ascii("D:" + meta.CreatedUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'");
        info.Set("CreationDate", date).Set("ModDate", date);
        return info;
    }

    /// <summary>The file identifier: a hash of what Skia drew and the metadata, so equal inputs give equal files.</summary>
    byte[] DocumentId(byte[] skiaPdf)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(skiaPdf);
        sha.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', _info.Metadata.Title, _info.Metadata.Language, _info.Standard,
            string.Join('\n', _info.Outline.Select(o => $"{o.Level} {o.PageIndex} {o.Title}")))));
        return sha.GetHashAndReset()[..16];
    }

    /// <summary>
    /// Writes every object under its number: Skia's untouched objects byte for byte, the others serialized; inlined
    /// layers are left out (free entries). Small objects (structure elements, dictionaries) go compressed into object
    /// streams, a hundred each; a cross-reference stream indexes all.
    /// </summary>
    byte[] Serialize(PdfReference catalog, PdfReference info, byte[] documentId)
    {
        var output = new PdfOutput(n => n);
        // A binary comment after the header marks the file as binary (PDF/A requires four bytes above 127).
        output.Raw("%PDF-1.7\n%").Bytes([0xE2, 0xE3, 0xCF, 0xD3]).Raw("\n");

        // Cross-reference entries by number: (type, field 2, field 3) as in ISO 32000-1, table 18.
        var count = _objects.MaxNumber + 1;
        var packed = new List<int>();
        var entries = new List<(int Type, long Field2, int Field3)>(count + 32) { (0, 0, 65535) };
        for (var number = 1; number < count; number++)
        {
            entries.Add((0, 0, 0));
            if (!_objects.Exists(number)) continue;
            var loaded = _objects.Loaded(number);
            if (loaded is PdfStream || (loaded is null && _objects.RawIsStream(number)))
            {
                entries[number] = (1, output.Position, 0);
                output.Raw(number.ToString(CultureInfo.InvariantCulture)).Raw(" 0 obj\n");
                if (loaded is not null) loaded.WriteTo(output);
                else output.Bytes(_objects.Raw(number));
                output.Raw("\nendobj\n");
            }
            else packed.Add(number);
        }
        var next = count;
        foreach (var chunk in packed.Chunk(ObjectsPerStream))
        {
            var header = new StringBuilder();
            var body = new PdfOutput(n => n);
            for (var i = 0; i < chunk.Length; i++)
            {
                header.Append(CultureInfo.InvariantCulture, $"{chunk[i]} {body.Position} ");
                if (_objects.Loaded(chunk[i]) is { } value) value.WriteTo(body);
                else body.Bytes(_objects.Raw(chunk[i]));
                body.Raw("\n");
                entries[chunk[i]] = (2, next, i);
            }
            var first = Encoding.ASCII.GetBytes(header.ToString());
            var objectStream = PdfStream.Create(new PdfDictionary().Set("Type", "ObjStm").Set("N", chunk.Length).Set("First", first.Length),
                [.. first, .. body.ToArray()]);
            entries.Add((1, output.Position, 0));
            WriteObject(output, next++, objectStream);
        }
        var xrefNumber = next;
        entries.Add((1, output.Position, 0));
        var table = new byte[entries.Count * 7];
        for (var i = 0; i < entries.Count; i++)
        {
            var (type, field2, field3) = entries[i];
            table[i * 7] = (byte)type;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(i * 7 + 1), (uint)field2);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(i * 7 + 5), (ushort)field3);
        }
        var id = new PdfString(documentId, hex: true);
        var xref = PdfStream.Create(new PdfDictionary().Set("Type", "XRef").Set("Size", entries.Count)
            .Set("W", new PdfArray([new PdfNumber(1), new PdfNumber(4), new PdfNumber(2)]))
            .Set("Root", catalog).Set("Info", info).Set("ID", new PdfArray([id, id])), table);
        var xrefOffset = output.Position;
        WriteObject(output, xrefNumber, xref);
        output.Raw("startxref\n").Raw(xrefOffset.ToString(CultureInfo.InvariantCulture)).Raw("\n%%EOF\n");
        return output.ToArray();
    }

    const int ObjectsPerStream = 100;

    static void WriteObject(PdfOutput output, int number, PdfObject value)
    {
        output.Raw(number.ToString(CultureInfo.InvariantCulture)).Raw(" 0 obj\n");
        value.WriteTo(output);
        output.Raw("\nendobj\n");
    }
}
