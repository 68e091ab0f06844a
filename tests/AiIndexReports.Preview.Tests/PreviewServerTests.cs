using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AiIndexReports.Preview.Tests;

/// <summary>
/// The preview server as an attacker on this machine or a web page in the editor's browser would meet it: raw HTTP
/// requests, written byte for byte (an HTTP client would tidy "../" away before sending).
/// </summary>
[Collection(PreviewCollection.Name)]
public sealed class PreviewServerTests(PreviewFixture preview)
{
    private sealed record Reply(int Status, string Headers, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    /// <summary>Sends <paramref name="target"/> as written, with the given Host header (default: the server's own).</summary>
    private async Task<Reply> Raw(string target, string? host = null, string method = "GET")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, preview.Url.Port);
        await using var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{preview.Url.Port}"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var all = new MemoryStream();
        await stream.CopyToAsync(all);
        var bytes = all.ToArray();
        var split = IndexOf(bytes, "\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(bytes, 0, split);
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = bytes[(split + 4)..];
        // Chunked bodies (the JSON answers) are left as they are: the tests only look for what must not be there.
        return new Reply(status, head, body);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    [Fact]
    public async Task The_page_its_assets_and_the_state_are_served_to_the_loopback_host()
    {
        var page = await Raw("/");
        Assert.Equal(200, page.Status);
        Assert.Contains("<html lang=\"ko\">", page.Text, StringComparison.Ordinal);
        Assert.Contains("브리프 미리보기", page.Text, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy: default-src 'none'; script-src 'self'", page.Headers, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options: nosniff", page.Headers, StringComparison.Ordinal);
        Assert.Equal(200, (await Raw("/assets/preview.js")).Status);
        Assert.Equal(200, (await Raw("/assets/preview.css")).Status);
        Assert.Equal(200, (await Raw("/api/state", host: $"localhost:{preview.Url.Port}")).Status);
    }

    [Theory]
    [InlineData("evil.example")]                 // DNS rebinding: a name that resolves to 127.0.0.1
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1")]                    // the right address, another port
    [InlineData("127.0.0.1:80")]
    [InlineData("0.0.0.0:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    public async Task Requests_naming_another_host_are_refused(string host)
    {
        var reply = await Raw("/api/state", host.Replace("{port}", preview.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(421, reply.Status);
        Assert.DoesNotContain("briefs", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("HEAD")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task Only_GET_is_answered(string method)
    {
        var reply = await Raw("/api/state", method: method);
        Assert.Equal(405, reply.Status);
        Assert.Contains("Allow: GET\r\n", reply.Headers + "\r\n", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/templates/briefs.toml")]
    [InlineData("/../templates/briefs.toml")]
    [InlineData("/assets/../../templates/briefs.toml")]
    [InlineData("/assets/..%2f..%2ftemplates%2fbriefs.toml")]
    [InlineData("/assets/%2e%2e%2f%2e%2e%2ftemplates%2fbriefs.toml")]
    [InlineData("/assets/..%5c..%5ctemplates%5cbriefs.toml")]
    [InlineData("/assets/%2fetc%2fpasswd")]
    [InlineData("/assets/index.html%00.png")]
    [InlineData("/assets/PageMap.cs")]
    [InlineData("/output/2025/preview-test.pdf")]
    [InlineData("/output/2025/preview-test/preview/page-01.png")]
    [InlineData("/pages/2025/..%2f..%2f..%2ftemplates/1/0000000000000000.png")]
    [InlineData("/pages/2025/preview-test%2f..%2f..%2f..%2fbriefs.toml/1/0000000000000000.png")]
    [InlineData("/maps/2025/..%2F..%2F..%2Fdata/1/0000000000000000.json")]
    [InlineData("/pages/2025/preview-test/0/0000000000000000.png")]
    [InlineData("/pages/2025/preview-test/99/0000000000000000.png")]
    [InlineData("/pages/2025/preview-test/1/0000000000000000.png")]
    [InlineData("/pages/2025/preview-test/1/..%2f..%2f..%2f..%2fbriefs.toml")]
    [InlineData("/data/shared/aiindex/indicators.csv")]
    [InlineData("//etc/passwd")]
    public async Task Nothing_of_the_repository_is_served_by_any_path(string target)
    {
        var reply = await Raw(target);
        Assert.True(reply.Status is 404 or 400, $"{target}: {reply.Status}\n{reply.Headers}");
        // Neither the manifest nor a data file nor a system file comes back, whatever the status.
        Assert.DoesNotContain("[[brief]]", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("preview-test", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_image_is_served_only_under_the_hash_of_the_bytes_the_build_wrote()
    {
        var state = await preview.State();
        var brief = state.GetProperty("briefs").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "preview-test");
        var png = brief.GetProperty("pages")[0].GetProperty("png").GetString()!;
        Assert.StartsWith("/pages/2025/preview-test/1/", png, StringComparison.Ordinal);
        var reply = await Raw(png);
        Assert.Equal(200, reply.Status);
        Assert.Contains("Content-Type: image/png", reply.Headers, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, reply.Body[..4]);
        // The same page under another hash is not served.
        var other = png[..^20] + "0123456789abcdef.png";
        Assert.Equal(404, (await Raw(other)).Status);
        var map = brief.GetProperty("pages")[0].GetProperty("map").GetString()!;
        var mapReply = await Raw(map);
        Assert.Equal(200, mapReply.Status);
        Assert.Contains("Content-Type: application/json", mapReply.Headers, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(mapReply.Body);
        Assert.Equal(1, json.RootElement.GetProperty("page").GetInt32());
    }

    [Fact]
    public void The_server_listens_on_the_loopback_address_only()
    {
        Assert.Equal("127.0.0.1", preview.Url.Host);
        // Nothing answers on the machine's other addresses at that port.
        foreach (var address in Dns.GetHostAddresses(Dns.GetHostName()).Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)))
        {
            using var client = new TcpClient();
            Assert.ThrowsAny<SocketException>(() => client.Connect(address, preview.Url.Port));
        }
    }
}
