using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiIndexReports.Typesetting.Tests.PdfChecks;

/// <summary>
/// What a tagged PDF/UA-1 + PDF/A-2a file must show to <c>qpdf --json</c> (a subset of the Matterhorn Protocol and the
/// PDF/A-2 rules, after /work/shared/tools/pdfua_check.py): catalog entries, XMP identification, output intent, every
/// painting operator of every page inside marked content, structure elements and their attributes, annotations in the
/// structure. Not a validator: certification needs veraPDF.
/// </summary>
internal sealed class TaggedPdfReport
{
    public List<string> Failures { get; } = [];
    public Dictionary<string, int> Roles { get; } = [];
    /// <summary>/Alt of every Figure in reading order.</summary>
    public List<string> FigureAlts { get; } = [];
    /// <summary>Structure types in reading order (pre-order walk of the tree).</summary>
    public List<string> ReadingOrder { get; } = [];
    /// <summary>Every table cell (TH, TD) in reading order: its role, the row group it is in (THead, TBody, TFoot), its /RowSpan and /ColSpan.</summary>
    public List<(string Role, string Group, int RowSpan, int ColSpan)> Cells { get; } = [];
    public int Pages { get; set; }
    public int MarkedSequences { get; set; }
    public int Artifacts { get; set; }
    public string Xmp { get; set; } = "";

    public int Count(string role) => Roles.GetValueOrDefault(role);
    public override string ToString() => Failures.Count == 0 ? "no failures" : string.Join(Environment.NewLine, Failures);
}

internal static partial class TaggedPdfChecker
{
    static readonly HashSet<string> PaintingOperators = ["Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI"];

    public static TaggedPdfReport Check(byte[] pdf)
    {
        var report = new TaggedPdfReport();
        if (!pdf.AsSpan().StartsWith("%PDF-1.7"u8)) report.Failures.Add($"header is {Encoding.ASCII.GetString(pdf, 0, 8)}, not %PDF-1.7");
        using var json = JsonDocument.Parse(PdfTools.QpdfJson(pdf));
        var objects = json.RootElement.GetProperty("qpdf")[1];
        var file = new QpdfObjects(objects);

        var root = file.Resolve(file.Trailer.GetProperty("/Root"));
        if (!root.TryGetProperty("/StructTreeRoot", out var treeRef)) report.Failures.Add("no /StructTreeRoot (untagged)");
        if (!(root.TryGetProperty("/MarkInfo", out var markInfo) && file.Resolve(markInfo).TryGetProperty("/Marked", out var marked) && marked.ValueKind == JsonValueKind.True))
            report.Failures.Add("/MarkInfo /Marked is not true");
        if (!(root.TryGetProperty("/Lang", out var lang) && QpdfObjects.Text(lang).Length > 0)) report.Failures.Add("no /Lang");
        if (!(root.TryGetProperty("/ViewerPreferences", out var preferences) && file.Resolve(preferences).TryGetProperty("/DisplayDocTitle", out var display) && display.ValueKind == JsonValueKind.True))
            report.Failures.Add("/ViewerPreferences /DisplayDocTitle is not true");
        CheckOutputIntent(file, root, report);
        CheckMetadata(file, root, report);

        var pages = file.Pages(root).ToList();
        report.Pages = pages.Count;
        var mcidsByPage = new List<int>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = file.Resolve(pages[i]);
            if (!page.TryGetProperty("/StructParents", out _)) report.Failures.Add($"page {i + 1}: no /StructParents");
            var annotations = page.TryGetProperty("/Annots", out var annots) ? file.Resolve(annots).EnumerateArray().ToList() : [];
            if (annotations.Count > 0 && !(page.TryGetProperty("/Tabs", out var tabs) && tabs.GetString() == "/S"))
                report.Failures.Add($"page {i + 1}: has annotations but /Tabs is not /S");
            foreach (var annotation in annotations.Select(file.Resolve))
            {
                if (annotation.GetProperty("/Subtype").GetString() != "/Link") continue;
                if (!annotation.TryGetProperty("/StructParent", out _)) report.Failures.Add($"page {i + 1}: a link annotation has no /StructParent");
                if (!(annotation.TryGetProperty("/Contents", out var contents) && QpdfObjects.Text(contents).Trim().Length > 0))
                    report.Failures.Add($"page {i + 1}: a link annotation has no /Contents");
                if (!(annotation.TryGetProperty("/F", out var flags) && (flags.GetInt32() & 4) != 0)) report.Failures.Add($"page {i + 1}: a link annotation is not printable (/F 4)");
            }
            mcidsByPage.Add(CheckContent(file, page, i + 1, report));
        }
        CheckFonts(file, objects, report);
        if (treeRef.ValueKind != JsonValueKind.Undefined) CheckStructure(file, file.Resolve(treeRef), pages, mcidsByPage, report);
        return report;
    }

    static void CheckOutputIntent(QpdfObjects file, JsonElement root, TaggedPdfReport report)
    {
        if (!root.TryGetProperty("/OutputIntents", out var intents) || file.Resolve(intents).GetArrayLength() == 0)
        {
            report.Failures.Add("no /OutputIntents (PDF/A)");
            return;
        }
        var intent = file.Resolve(file.Resolve(intents)[0]);
        if (intent.GetProperty("/S").GetString() != "/GTS_PDFA1") report.Failures.Add("the output intent is not /GTS_PDFA1");
        var profile = file.Stream(intent.GetProperty("/DestOutputProfile"));
        if (profile.Dict.GetProperty("/N").GetInt32() != 3) report.Failures.Add("the output profile is not RGB (/N 3)");
        if (profile.Data.Length < 128 || Encoding.ASCII.GetString(profile.Data, 36, 4) != "acsp") report.Failures.Add("the output profile is not an ICC profile");
    }

    static void CheckMetadata(QpdfObjects file, JsonElement root, TaggedPdfReport report)
    {
        if (!root.TryGetProperty("/Metadata", out var metadata))
        {
            report.Failures.Add("no XMP /Metadata");
            return;
        }
        var stream = file.Stream(metadata);
        if (stream.Dict.TryGetProperty("/Filter", out _)) report.Failures.Add("the XMP stream is compressed (PDF/A wants it plain)");
        var xmp = report.Xmp = Encoding.UTF8.GetString(stream.Data);
        if (!Regex.IsMatch(xmp, @"<pdfuaid:part>1</pdfuaid:part>")) report.Failures.Add("XMP has no pdfuaid:part 1");
        if (!Regex.IsMatch(xmp, @"<pdfaid:part>2</pdfaid:part>")) report.Failures.Add("XMP has no pdfaid:part 2");
        if (!Regex.IsMatch(xmp, @"<pdfaid:conformance>A</pdfaid:conformance>")) report.Failures.Add("XMP has no pdfaid:conformance A");
        if (!xmp.Contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>", StringComparison.Ordinal)) report.Failures.Add("XMP does not declare the pdfuaid extension schema");
        if (!Regex.IsMatch(xmp, @"<dc:title><rdf:Alt><rdf:li xml:lang=""x-default"">[^<]+</rdf:li>")) report.Failures.Add("XMP has no dc:title");
    }

    /// <summary>
    /// Every painting operator inside a marked-content sequence, and each top-level sequence balanced in q/Q and
    /// BT/ET (the graphics state it leaves is the one it found); returns the number of MCIDs on the page.
    /// </summary>
    static int CheckContent(QpdfObjects file, JsonElement page, int number, TaggedPdfReport report)
    {
        var contents = page.GetProperty("/Contents");
        var parts = contents.ValueKind == JsonValueKind.Array ? contents.EnumerateArray().ToList() : [contents];
        var content = string.Concat(parts.Select(p => Encoding.Latin1.GetString(file.Stream(p).Data) + "\n"));
        var depth = 0;
        var mcids = new HashSet<int>();
        var unmarked = 0;
        var saved = 0;
        var savedAtStart = 0;
        var inText = false;
        var unbalanced = 0;
        string? previousName = null;
        string? lastDict = null;
        foreach (var token in ContentTokens(content))
        {
            if (token.StartsWith('/')) { previousName = token; continue; }
            if (token.StartsWith("<<", StringComparison.Ordinal)) { lastDict = token; continue; }
            switch (token)
            {
                case "BDC" or "BMC":
                    if (depth == 0)
                    {
                        savedAtStart = saved;
                        if (inText) unbalanced++;
                        if (previousName == "/Artifact") report.Artifacts++;
                        else
                        {
                            report.MarkedSequences++;
                            var mcid = lastDict is null ? null : McidPattern().Match(lastDict);
                            if (mcid is { Success: true } && !mcids.Add(int.Parse(mcid.Groups[1].Value)))
                                report.Failures.Add($"page {number}: MCID {mcid.Groups[1].Value} is used twice");
                        }
                    }
                    depth++;
                    break;
                case "EMC":
                    if (--depth == 0 && (saved != savedAtStart || inText)) unbalanced++;
                    break;
                case "q": saved++; break;
                case "Q": saved--; break;
                case "BT": inText = true; break;
                case "ET": inText = false; break;
                default:
                    if (depth == 0 && PaintingOperators.Contains(token)) unmarked++;
                    break;
            }
            if (!token.StartsWith('/')) lastDict = token.StartsWith("<<", StringComparison.Ordinal) ? token : token is "BDC" or "BMC" ? null : lastDict;
        }
        if (unmarked > 0) report.Failures.Add($"page {number}: {unmarked} painting operator(s) outside marked content (neither tagged nor artifact)");
        if (depth != 0) report.Failures.Add($"page {number}: BDC/EMC do not balance");
        if (unbalanced > 0) report.Failures.Add($"page {number}: {unbalanced} marked-content sequence(s) not balanced in q/Q or BT/ET");
        return mcids.Count;
    }

    [GeneratedRegex(@"/MCID\s+(\d+)")]
    private static partial Regex McidPattern();

    /// <summary>Operators and operands of a content stream; strings, arrays and dictionaries come back whole.</summary>
    static IEnumerable<string> ContentTokens(string content)
    {
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c == '(')
            {
                for (var nesting = 0; i < content.Length; i++)
                {
                    if (content[i] == '\\') { i++; continue; }
                    if (content[i] == '(') nesting++;
                    if (content[i] == ')' && --nesting == 0) { i++; break; }
                }
            }
            else if (c == '<' && i + 1 < content.Length && content[i + 1] == '<')
            {
                for (var nesting = 0; i < content.Length; i++)
                {
                    if (content[i] == '<' && content[i + 1] == '<') { nesting++; i++; }
                    else if (content[i] == '>' && i + 1 < content.Length && content[i + 1] == '>' && --nesting == 0) { i += 2; break; }
                    else if (content[i] == '>' && content[i + 1] == '>') i++;
                }
            }
            else if (c == '<')
            {
                i = content.IndexOf('>', i) + 1;
            }
            else if (c == '[')
            {
                // An array (TJ operands): skip strings inside it, whose bytes may hold ']'.
                for (i++; i < content.Length && content[i] != ']'; i++)
                {
                    if (content[i] != '(') continue;
                    for (var nesting = 0; i < content.Length; i++)
                    {
                        if (content[i] == '\\') { i++; continue; }
                        if (content[i] == '(') nesting++;
                        if (content[i] == ')' && --nesting == 0) break;
                    }
                }
                i++;
            }
            else
            {
                i++;
                while (i < content.Length && !char.IsWhiteSpace(content[i]) && content[i] is not ('(' or '<' or '[' or '/')) i++;
            }
            yield return content[start..i];
        }
    }

    static void CheckFonts(QpdfObjects file, JsonElement objects, TaggedPdfReport report)
    {
        foreach (var entry in objects.EnumerateObject())
        {
            if (!entry.Value.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object) continue;
            if (!(value.TryGetProperty("/Type", out var type) && type.GetString() == "/Font") || !value.TryGetProperty("/Subtype", out var subtype)) continue;
            if (subtype.GetString() == "/Type0")
            {
                if (!value.TryGetProperty("/ToUnicode", out _)) report.Failures.Add($"font {value.GetProperty("/BaseFont")} has no /ToUnicode");
                var descendant = file.Resolve(file.Resolve(value.GetProperty("/DescendantFonts"))[0]);
                if (descendant.GetProperty("/Subtype").GetString() != "/CIDFontType2") report.Failures.Add($"font {value.GetProperty("/BaseFont")} is not TrueType");
                var descriptor = file.Resolve(descendant.GetProperty("/FontDescriptor"));
                if (!descriptor.TryGetProperty("/FontFile2", out var program)) report.Failures.Add($"font {value.GetProperty("/BaseFont")} is not embedded");
                // The exporter draws with copies of the fonts without outlines; the file must embed the real ones.
                else if (GlyfLength(file.Stream(program).Data) is not > 0) report.Failures.Add($"font {value.GetProperty("/BaseFont")} is embedded without outlines (empty glyf)");
            }
        }
    }

    /// <summary>The length of a TrueType font's glyf table, or null when it has none.</summary>
    static int? GlyfLength(byte[] font)
    {
        if (font.Length < 12) return null;
        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count && 12 + i * 16 + 16 <= font.Length; i++)
            if (font.AsSpan(12 + i * 16, 4).SequenceEqual("glyf"u8))
                return (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + i * 16 + 12));
        return null;
    }

    static void CheckStructure(QpdfObjects file, JsonElement treeRoot, List<JsonElement> pages, List<int> mcidsByPage, TaggedPdfReport report)
    {
        var pageIndex = pages.Select((p, i) => (p.GetString()!, i)).ToDictionary(x => x.Item1, x => x.i);
        var referenced = pages.Select(_ => new HashSet<int>()).ToList();
        var seen = new HashSet<string>();
        var group = "";
        void Visit(JsonElement kid, int? page)
        {
            if (kid.ValueKind == JsonValueKind.Number)
            {
                if (page is { } p) referenced[p].Add(kid.GetInt32());
                else report.Failures.Add("an MCID in a structure element without /Pg");
                return;
            }
            if (kid.ValueKind == JsonValueKind.Array)
            {
                foreach (var k in kid.EnumerateArray()) Visit(k, page);
                return;
            }
            if (kid.ValueKind == JsonValueKind.String && !seen.Add(kid.GetString()!)) return;
            var node = file.Resolve(kid);
            if (node.ValueKind != JsonValueKind.Object) return;
            var type = node.TryGetProperty("/Type", out var t) ? t.GetString() : null;
            if (node.TryGetProperty("/Pg", out var pg)) page = pageIndex[pg.GetString()!];
            if (type == "/MCR")
            {
                referenced[page!.Value].Add(node.GetProperty("/MCID").GetInt32());
                return;
            }
            if (type == "/OBJR") return;
            if (!node.TryGetProperty("/S", out var s)) return;
            var role = s.GetString()![1..];
            report.Roles[role] = report.Roles.GetValueOrDefault(role) + 1;
            report.ReadingOrder.Add(role);
            if (role == "Figure")
            {
                var alt = node.TryGetProperty("/Alt", out var a) ? QpdfObjects.Text(a) : "";
                if (alt.Trim().Length == 0) report.Failures.Add("a Figure without /Alt");
                report.FigureAlts.Add(alt);
            }
            var table = node.TryGetProperty("/A", out var attributes) ? TableAttributes(file, file.Resolve(attributes)) : null;
            if (role == "TH" && !(table?.TryGetProperty("/Scope", out _) ?? false))
                report.Failures.Add("a TH without /Scope");
            if (role is "TH" or "TD")
            {
                int Span(string key) => table is { } t && t.TryGetProperty(key, out var v) ? v.GetInt32() : 1;
                report.Cells.Add((role, group, Span("/RowSpan"), Span("/ColSpan")));
            }
            var outer = group;
            if (role is "THead" or "TBody" or "TFoot") group = role;
            if (node.TryGetProperty("/K", out var k2)) Visit(k2, page);
            group = outer;
        }
        Visit(treeRoot.GetProperty("/K"), null);
        if (treeRoot.TryGetProperty("/RoleMap", out var roleMap) && file.Resolve(roleMap).EnumerateObject().Any())
            report.Failures.Add("the structure uses a role map (only standard structure types are expected)");
        for (var i = 0; i < pages.Count; i++)
            if (referenced[i].Count != mcidsByPage[i])
                report.Failures.Add($"page {i + 1}: {mcidsByPage[i]} marked sequences, {referenced[i].Count} referenced from the structure tree");
        // The parent tree maps each page's MCIDs back to their elements.
        var nums = file.Resolve(file.Resolve(treeRoot.GetProperty("/ParentTree")).GetProperty("/Nums")).EnumerateArray().ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var key = file.Resolve(pages[i]).GetProperty("/StructParents").GetInt32();
            var at = nums.FindIndex(n => n.ValueKind == JsonValueKind.Number && n.GetInt32() == key);
            var length = at < 0 ? 0 : file.Resolve(nums[at + 1]).GetArrayLength();
            if (length != mcidsByPage[i]) report.Failures.Add($"page {i + 1}: the parent tree lists {length} elements for {mcidsByPage[i]} MCIDs");
        }
    }

    /// <summary>The /O /Table attribute dictionary of an element's /A (a dictionary, or an array of them).</summary>
    static JsonElement? TableAttributes(QpdfObjects file, JsonElement attributes)
    {
        var all = attributes.ValueKind == JsonValueKind.Array ? attributes.EnumerateArray().Select(file.Resolve).ToList() : [attributes];
        foreach (var a in all)
            if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("/O", out var owner) && owner.GetString() == "/Table") return a;
        return null;
    }

    /// <summary>The objects of <c>qpdf --json=2</c> with references resolved.</summary>
    sealed class QpdfObjects(JsonElement objects)
    {
        public JsonElement Trailer => objects.GetProperty("trailer").GetProperty("value");

        public JsonElement Resolve(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { } s && ReferencePattern().IsMatch(s))
            {
                var obj = objects.GetProperty("obj:" + s);
                return obj.TryGetProperty("value", out var v) ? v : obj.GetProperty("stream").GetProperty("dict");
            }
            return value;
        }

        public (JsonElement Dict, byte[] Data) Stream(JsonElement reference)
        {
            var stream = objects.GetProperty("obj:" + reference.GetString()).GetProperty("stream");
            return (stream.GetProperty("dict"), stream.TryGetProperty("data", out var data) ? Convert.FromBase64String(data.GetString()!) : []);
        }

        public IEnumerable<JsonElement> Pages(JsonElement root)
        {
            var stack = new Stack<JsonElement>([root.GetProperty("/Pages")]);
            var order = new List<JsonElement>();
            void Walk(JsonElement node)
            {
                var dict = Resolve(node);
                if (dict.GetProperty("/Type").GetString() == "/Pages")
                    foreach (var kid in Resolve(dict.GetProperty("/Kids")).EnumerateArray()) Walk(kid);
                else order.Add(node);
            }
            Walk(root.GetProperty("/Pages"));
            return order;
        }

        public static string Text(JsonElement value) => value.GetString() is { } s && s.StartsWith("u:", StringComparison.Ordinal) ? s[2..] : value.GetString() ?? "";
    }

    [GeneratedRegex(@"^\d+ \d+ R$")]
    private static partial Regex ReferencePattern();
}
