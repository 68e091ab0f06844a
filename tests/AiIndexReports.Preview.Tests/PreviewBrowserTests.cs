using System.Text.Json;
using Microsoft.Playwright;

namespace AiIndexReports.Preview.Tests;

/// <summary>
/// The preview as an editor uses it, in headless Chromium: the page shows the brief's pages; saving a template changes the
/// page in place; a template error shows the overlay at the right file and line over the last good page, and fixing it
/// takes the overlay away; clicking the figure names the template line that placed it. Screenshots of each state are
/// saved (bin/…/screenshots/) after the test has checked what they must show.
/// </summary>
[Collection(PreviewCollection.Name)]
public sealed class PreviewBrowserTests(PreviewFixture preview) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Every test leaves the files as it found them (and waits until they are built again).</summary>
    public async Task DisposeAsync()
    {
        var before = (await preview.State()).GetProperty("build").GetInt32();
        if (!preview.Restore()) return;
        await preview.WaitForState(s => s.GetProperty("build").GetInt32() > before && !s.GetProperty("building").GetBoolean() && s.GetProperty("ok").GetBoolean(), Wait);
    }

    private static PageWaitForFunctionOptions Within => new() { Timeout = (float)Wait.TotalMilliseconds, PollingInterval = 50 };

    /// <summary>The build number the page has shown (body[data-shown]).</summary>
    private static async Task<int> Shown(IPage page) => int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.shown || '0'"),
        System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitShownAfter(IPage page, int build) =>
        await page.WaitForFunctionAsync($"() => +(document.body.dataset.shown || 0) > {build}", null, Within);

    [BrowserFact]
    public async Task Saving_a_template_changes_the_page_in_place_and_marks_it()
    {
        var page = await preview.OpenPage();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#pages .page img[src]').length > 0 && +(document.body.dataset.shown || 0) >= 1", null, Within);
        Assert.Equal("브리프 미리보기", await page.TitleAsync());
        Assert.Contains("미리보기 시험 2025", await page.InnerTextAsync("#brief"), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#thumbs .thumb").CountAsync());
        Assert.Equal(2, await page.Locator("#pages .page").CountAsync());
        var before = await page.GetAttributeAsync("#pages .page[data-page='1'] img", "src");
        await page.ScreenshotAsync(new() { Path = PreviewFixture.ScreenshotPath("1-opened.png") });

        var shown = await Shown(page);
        preview.WriteSection(PreviewFixture.SectionText.Replace("처음 문장입니다", "고쳐 쓴 문장입니다", StringComparison.Ordinal));
        await WaitShownAfter(page, shown);

        var after = await page.GetAttributeAsync("#pages .page[data-page='1'] img", "src");
        Assert.NotEqual(before, after);
        // The page and its thumbnail are marked as changed; the panel lists the page and the saved file.
        Assert.True(await page.Locator("#pages .page[data-page='1']").EvaluateAsync<bool>("e => e.classList.contains('changed')"));
        Assert.True(await page.Locator("#thumbs .thumb[data-page='1']").EvaluateAsync<bool>("e => e.classList.contains('changed')"));
        Assert.Contains("1쪽", await page.InnerTextAsync("#changed-pages"), StringComparison.Ordinal);
        Assert.Contains(PreviewFixture.Section, await page.InnerTextAsync("#changes-body"), StringComparison.Ordinal);
        // What the page now shows: the paragraph under the pointer is the edited one, from line 9 of the section.
        await ClickBlock(page, b => b.GetProperty("text").GetString()!.StartsWith("마지막 문단", StringComparison.Ordinal));
        Assert.Contains("고쳐 쓴 문장입니다", await page.InnerTextAsync("#selection-body"), StringComparison.Ordinal);
        Assert.Equal(PreviewFixture.Section + ":9:1", await page.InnerTextAsync("#selection-source"));
        await page.ScreenshotAsync(new() { Path = PreviewFixture.ScreenshotPath("2-edited.png") });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_template_error_shows_the_overlay_at_its_line_over_the_last_good_page_and_the_fix_removes_it()
    {
        var page = await preview.OpenPage();
        await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1 && document.querySelectorAll('#pages .page img[src]').length > 0", null, Within);
        var good = await page.GetAttributeAsync("#pages .page[data-page='1'] img", "src");
        Assert.True(await page.Locator("#error-overlay").IsHiddenAsync());

        // Line 9 names a metric that does not exist.
        var shown = await Shown(page);
        preview.WriteSection(PreviewFixture.SectionText.Replace("마지막 문단의 처음 문장입니다.", "마지막 문단 {{ m.models.no_such_metric.value }}", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => !document.getElementById('error-overlay').hidden", null, Within);
        Assert.Contains($"{PreviewFixture.Section}(9,", await page.InnerTextAsync(".error-location"), StringComparison.Ordinal);
        Assert.Contains("no_such_metric", await page.InnerTextAsync(".error-message"), StringComparison.Ordinal);
        // The offending line, with a caret under the column.
        var excerpt = await page.InnerTextAsync(".error-excerpt");
        Assert.Contains("9 | 마지막 문단 {{ m.models.no_such_metric.value }}", excerpt, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".error-excerpt .caret").CountAsync());
        Assert.Equal("failed", await page.EvaluateAsync<string>("() => document.body.dataset.state"));
        // The last good page stays behind the overlay.
        Assert.Equal(good, await page.GetAttributeAsync("#pages .page[data-page='1'] img", "src"));
        Assert.True(await page.Locator("#pages .page[data-page='1'] img").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = PreviewFixture.ScreenshotPath("3-error.png") });

        preview.WriteSection(PreviewFixture.SectionText);
        await page.WaitForFunctionAsync("() => document.getElementById('error-overlay').hidden && document.body.dataset.state === 'ok'", null, Within);
        Assert.Equal(0, await page.Locator("#error-overlay:visible").CountAsync());
        await page.ScreenshotAsync(new() { Path = PreviewFixture.ScreenshotPath("4-fixed.png") });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Clicking_the_figure_shows_the_template_line_that_placed_it_and_its_metrics()
    {
        var page = await preview.OpenPage();
        await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1 && document.querySelectorAll('#pages .page img[src]').length > 0", null, Within);
        await ClickBlock(page, b => b.GetProperty("kind").GetString() == "figure");
        // Line 7, column 4: the `figure "models_by_country"` expression.
        Assert.Equal(PreviewFixture.Section + ":7:4", await page.InnerTextAsync("#selection-source"));
        var panel = await page.InnerTextAsync("#selection-body");
        Assert.Contains("그림", panel, StringComparison.Ordinal);
        Assert.Contains("템플릿: templates/ptest/01-본문.md.sbn 7행 4열", panel, StringComparison.Ordinal);
        Assert.Contains("models.aiindex.USA.count", panel, StringComparison.Ordinal);
        Assert.Contains("산식", panel, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".highlight").CountAsync());
        await page.ScreenshotAsync(new() { Path = PreviewFixture.ScreenshotPath("5-figure.png") });

        // A number: the list item of line 4 prints the US model count, with its value, formula and data row.
        await ClickBlock(page, b => b.GetProperty("text").GetString()!.Contains("미국의 주목할 만한", StringComparison.Ordinal));
        Assert.Equal(PreviewFixture.Section + ":4:3", await page.InnerTextAsync("#selection-source"));
        panel = await page.InnerTextAsync("#selection-body");
        Assert.Contains("models.aiindex.USA.count", panel, StringComparison.Ordinal);
        Assert.Contains("data/", panel, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Only_the_page_whose_pixels_changed_is_marked_and_the_view_stays_on_it()
    {
        var page = await preview.OpenPage(height: 800);
        await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1 && document.querySelectorAll('#pages .page img[src]').length === 2", null, Within);
        // Go to page 2 by its thumbnail, then a little further down, as while reading it.
        await page.ClickAsync("#thumbs .thumb[data-page='2']");
        await page.EvaluateAsync("() => document.getElementById('pages').scrollBy(0, 60)");
        var scrolled = await page.EvaluateAsync<double>("() => document.getElementById('pages').scrollTop");
        Assert.True(scrolled > 500, $"scrolled to {scrolled}");
        var first = await page.GetAttributeAsync("#pages .page[data-page='1'] img", "src");
        var second = await page.GetAttributeAsync("#pages .page[data-page='2'] img", "src");

        var shown = await Shown(page);
        preview.WriteSection(PreviewFixture.SectionText.Replace("둘째 쪽의 문단입니다.", "둘째 쪽의 문단을 고쳤습니다.", StringComparison.Ordinal));
        await WaitShownAfter(page, shown);

        Assert.Equal(first, await page.GetAttributeAsync("#pages .page[data-page='1'] img", "src"));
        Assert.NotEqual(second, await page.GetAttributeAsync("#pages .page[data-page='2'] img", "src"));
        Assert.False(await page.Locator("#pages .page[data-page='1']").EvaluateAsync<bool>("e => e.classList.contains('changed')"));
        Assert.True(await page.Locator("#pages .page[data-page='2']").EvaluateAsync<bool>("e => e.classList.contains('changed')"));
        Assert.Equal("2쪽", await page.InnerTextAsync("#changed-pages"));
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => document.getElementById('pages').scrollTop"), 1.0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_data_edit_lists_the_metrics_whose_values_changed_and_a_number_names_its_data_row()
    {
        var page = await preview.OpenPage();
        await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1 && document.querySelectorAll('#pages .page img[src]').length > 0", null, Within);
        var shown = await Shown(page);
        // Line 58: the AI Index's count of US models in 2024, 40 → 41.
        var lines = preview.IndicatorsText.Split('\n');
        Assert.StartsWith("2025,notable_ai_models,United States,USA,2024,40,", lines[57], StringComparison.Ordinal);
        lines[57] = lines[57].Replace(",2024,40,", ",2024,41,", StringComparison.Ordinal);
        preview.WriteIndicators(string.Join('\n', lines));
        await WaitShownAfter(page, shown);

        var changes = await page.InnerTextAsync("#metric-changes");
        Assert.Contains("models.aiindex.USA.count", changes, StringComparison.Ordinal);
        Assert.Contains("40 → 41", changes, StringComparison.Ordinal);
        Assert.True(await page.Locator("#pages .page[data-page='1']").EvaluateAsync<bool>("e => e.classList.contains('changed')"));
        await page.ScreenshotAsync(new() { Path = PreviewFixture.ScreenshotPath("6-data.png") });

        await ClickBlock(page, b => b.GetProperty("text").GetString()!.Contains("미국의 주목할 만한", StringComparison.Ordinal));
        var panel = await page.InnerTextAsync("#selection-body");
        Assert.Contains("미국의 주목할 만한 AI 모델은 41개", panel, StringComparison.Ordinal);
        Assert.Contains("models.aiindex.USA.count", panel, StringComparison.Ordinal);
        Assert.Contains("41 개", panel, StringComparison.Ordinal);
        Assert.Contains(PreviewFixture.Indicators + ":58", panel, StringComparison.Ordinal);

        // A value that is not a number: the overlay names the row and field and shows the row, the caret at the field.
        lines[57] = lines[57].Replace(",2024,41,", ",2024,4o,", StringComparison.Ordinal);
        preview.WriteIndicators(string.Join('\n', lines));
        await page.WaitForFunctionAsync("() => !document.getElementById('error-overlay').hidden", null, Within);
        Assert.Equal(PreviewFixture.Indicators + ":58:6", await page.InnerTextAsync(".error-location"));
        Assert.Contains("expected a number, found \"4o\"", await page.InnerTextAsync(".error-message"), StringComparison.Ordinal);
        Assert.Contains("58 | 2025,notable_ai_models,United States,USA,2024,4o,models,", await page.InnerTextAsync(".error-excerpt"), StringComparison.Ordinal);
        Assert.Equal("4", await page.InnerTextAsync(".error-excerpt mark"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_brief_switcher_shows_the_other_brief_and_back()
    {
        var page = await preview.OpenPage();
        await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1 && document.querySelectorAll('#pages .page img[src]').length === 2", null, Within);
        Assert.Equal(["2025/preview-test", "2025/second-brief"], await page.Locator("#brief option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal("2025 · 둘째 시험 2025", await page.InnerTextAsync("#brief option[value='2025/second-brief']"));

        await page.SelectOptionAsync("#brief", "2025/second-brief");
        await page.WaitForFunctionAsync("() => document.getElementById('pages').dataset.brief === '2025/second-brief' && document.querySelectorAll('#pages .page img[src]').length === 1", null, Within);
        Assert.Equal(1, await page.Locator("#thumbs .thumb").CountAsync());
        Assert.EndsWith("#2025%2Fsecond-brief", page.Url, StringComparison.Ordinal);
        await ClickBlock(page, b => b.GetProperty("kind").GetString() == "heading");
        Assert.Equal("templates/ptest2/01.md.sbn:1:1", await page.InnerTextAsync("#selection-source"));

        await page.SelectOptionAsync("#brief", "2025/preview-test");
        await page.WaitForFunctionAsync("() => document.getElementById('pages').dataset.brief === '2025/preview-test' && document.querySelectorAll('#pages .page img[src]').length === 2", null, Within);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Zoom_changes_the_page_size_and_keeps_the_page_in_view()
    {
        var page = await preview.OpenPage();
        await page.WaitForFunctionAsync("() => +(document.body.dataset.shown || 0) >= 1 && document.querySelectorAll('#pages .page img[src]').length > 0", null, Within);
        var sheet = page.Locator("#pages .page[data-page='2'] .sheet");
        var width = await sheet.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.Equal("100%", await page.InnerTextAsync("#zoom-level"));
        // On page 2, zooming keeps page 2 at the top of the view.
        await page.ClickAsync("#thumbs .thumb[data-page='2']");
        await page.ClickAsync("#zoom-in");
        Assert.Equal("110%", await page.InnerTextAsync("#zoom-level"));
        var wider = await sheet.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(wider / width, 1.09, 1.11);
        var top = await sheet.EvaluateAsync<double>("e => e.getBoundingClientRect().top - document.getElementById('pages').getBoundingClientRect().top");
        Assert.InRange(top, -5, 40);
        await page.ClickAsync("#zoom-fit");
        Assert.Equal("폭 맞춤", await page.InnerTextAsync("#zoom-level"));
        await page.Context.CloseAsync();
    }

    /// <summary>Clicks the middle of the first block of page 1's map that <paramref name="which"/> picks, as a person would.</summary>
    private async Task ClickBlock(IPage page, Func<JsonElement, bool> which)
    {
        var mapUrl = await page.GetAttributeAsync("#pages .page[data-page='1']", "data-map");
        using var map = JsonDocument.Parse(await preview.Http.GetStringAsync(mapUrl!.TrimStart('/')));
        var block = map.RootElement.GetProperty("blocks").EnumerateArray().First(which);
        double Number(string name) => block.GetProperty(name).GetDouble();
        var (pageWidth, pageHeight) = (map.RootElement.GetProperty("width").GetDouble(), map.RootElement.GetProperty("height").GetDouble());
        var sheet = page.Locator("#pages .page[data-page='1'] .sheet");
        await sheet.ScrollIntoViewIfNeededAsync();
        var box = (await sheet.BoundingBoxAsync())!;
        var x = (Number("x") + Number("w") / 2) / pageWidth * box.Width;
        var y = (Number("y") + Number("h") / 2) / pageHeight * box.Height;
        await page.EvaluateAsync("() => delete document.body.dataset.selected");
        await sheet.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)x, Y = (float)y } });
        await page.WaitForFunctionAsync("source => document.body.dataset.selected === source", block.GetProperty("source").GetString(), Within);
    }
}
