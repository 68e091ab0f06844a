using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiIndexReports.Cli.Preview;

/// <summary>
/// The live preview's web server: ASP.NET Core's Kestrel (the shared framework, nothing downloaded) on 127.0.0.1 only,
/// minimal APIs compiled by the request-delegate source generator, JSON by the System.Text.Json source generator — no
/// reflection, so the native (AOT) binary serves the same. It serves the page and its own script and style (embedded in
/// the program), the state of the last build, and the page images and maps the builds reported writing — by page number
/// and hash, never by a path from the request — and pushes "a build started/ended" to the page as Server-Sent Events.
/// Requests whose Host is not this address and port are refused (DNS rebinding), and only GET is answered.
/// Loaded only by `preview` and `watch --serve`: `build` never starts ASP.NET Core.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>Resolution of the page images: sharp at 100% zoom on a 1.5× screen, and at 150% on a 1× one.</summary>
    public const float Dpi = 144;

    private readonly WebApplication _app;
    private readonly PreviewState _state;
    private readonly CancellationTokenSource _stopping = new();
    private int _port;

    private PreviewServer(WebApplication app, PreviewState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public string Url => $"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/";

    public int Port => _port;

    /// <summary>Cancelled when the host is asked to stop (SIGTERM, Ctrl+C): the watcher stops with it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts serving <paramref name="state"/> on 127.0.0.1:<paramref name="port"/> (0: a free port).</summary>
    /// <exception cref="InvalidRequestException">the port is taken</exception>
    public static async Task<PreviewServer> StartAsync(PreviewState state, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // Never the repository: no appsettings.json or other file of the current folder is read.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new PreviewServer(app, state);
        server.Map();
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new InvalidRequestException($"cannot serve on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {e.Message}", "port", port.ToString(CultureInfo.InvariantCulture));
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._port = new Uri(address).Port;
        return server;
    }

    private void Map()
    {
        var app = _app;
        app.Use(Guard);

        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/assets/{name}", (string name) => Asset(name));
        app.MapGet("/fonts/{weight}.ttf", (string weight) => Font(weight));
        app.MapGet("/api/state", () =>
        {
            var (_, json) = _state.Current;
            return Results.Bytes(json, "application/json; charset=utf-8");
        });
        app.MapGet("/pages/{edition:int}/{brief}/{page:int}/{hash}.png", (int edition, string brief, int page, string hash) =>
            PageFile(edition, brief, page, hash, png: true));
        app.MapGet("/maps/{edition:int}/{brief}/{page:int}/{hash}.json", (int edition, string brief, int page, string hash) =>
            PageFile(edition, brief, page, hash, png: false));
        app.MapGet("/events", Events);
    }

    /// <summary>
    /// Every request passes here first: a Host other than 127.0.0.1 or localhost at this port (a page of another site
    /// that had its name resolve to 127.0.0.1) gets 421, a method other than GET 405; every answer forbids being
    /// framed, sniffed or loading anything from elsewhere.
    /// </summary>
    private async Task Guard(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host;
        if (!(host.Host is "127.0.0.1" or "localhost") || host.Port != _port)
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync("미리보기 서버는 127.0.0.1 주소로만 엽니다 (Host not allowed)\n");
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET";
            return;
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next(context);
    }

    /// <summary>The page's own files, embedded in the program: nothing else is served by name.</summary>
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["preview.js"] = "text/javascript; charset=utf-8",
        ["preview.css"] = "text/css; charset=utf-8",
    };

    private static IResult Asset(string name)
    {
        if (!Assets.TryGetValue(name, out var type)) return Results.NotFound();
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream("preview/" + name);
        if (stream is null) return Results.NotFound();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Results.Bytes(copy.ToArray(), type);
    }

    private readonly Dictionary<string, byte[]?> _fonts = new(StringComparer.Ordinal);

    /// <summary>
    /// The brief's own typeface for the page's Korean labels (the theme's regular and bold fonts, templates/theme.toml
    /// [fonts], read through the same checks as every input), so the preview reads the same on a machine without Korean
    /// system fonts. Read once; a theme that cannot be read leaves the browser's own fonts.
    /// </summary>
    private IResult Font(string weight)
    {
        if (weight is not ("regular" or "bold")) return Results.NotFound();
        byte[]? bytes;
        lock (_fonts)
        {
            if (!_fonts.TryGetValue(weight, out bytes))
            {
                try
                {
                    var fonts = Briefs.BriefTheme.Load(_state.Root).Fonts;
                    var found = Config.ThemeFile.ResolveFont(_state.Root, weight == "bold" ? fonts.Bold : fonts.Regular);
                    bytes = found.File is { } file ? Config.InputRoot.ReadAllBytes(file) : null;
                }
                catch (Exception e) when (e is BuildFailedException or IOException or UnauthorizedAccessException)
                {
                    bytes = null;
                }
                _fonts[weight] = bytes;
            }
        }
        return bytes is null ? Results.NotFound() : new CachedBytes(bytes, "font/ttf");
    }

    /// <summary>
    /// A page image or map the builds reported writing, named by edition, brief, page number and the first 16 hex digits of
    /// its SHA-256; the bytes read are checked against the hash the build recorded (a file changed since is not served).
    /// The URL never becomes a path: the path is the one the build wrote, under output/.
    /// </summary>
    private IResult PageFile(int edition, string brief, int page, string hash, bool png)
    {
        if (_state.Page(edition, brief, page) is not { } files) return Results.NotFound();
        var file = png ? files.Png : files.Map;
        if (!file.Sha256.StartsWith(hash, StringComparison.Ordinal) || hash.Length != 16) return Results.NotFound();
        var output = Path.Combine(_state.Root, "output") + Path.DirectorySeparatorChar;
        if (!Path.GetFullPath(file.Path).StartsWith(output, StringComparison.Ordinal)) return Results.NotFound();
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file.Path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Results.NotFound(); }
        if (!Convert.ToHexStringLower(SHA256.HashData(bytes)).Equals(file.Sha256, StringComparison.OrdinalIgnoreCase)) return Results.NotFound();
        // The URL names the bytes: a browser may keep them as long as it likes.
        return new CachedBytes(bytes, png ? "image/png" : "application/json");
    }

    private sealed class CachedBytes(byte[] bytes, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            return Results.Bytes(bytes, contentType).ExecuteAsync(context);
        }
    }

    /// <summary>
    /// Server-Sent Events: "state" with the version number each time a build starts or ends (and once on connecting), so
    /// the page fetches /api/state and swaps what changed. Ends when the browser goes or the server stops.
    /// </summary>
    private async Task Events(HttpContext context, CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        var token = linked.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var seen = -1;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var version = _state.Version;
                if (version != seen)
                {
                    await response.WriteAsync($"event: state\ndata: {version.ToString(CultureInfo.InvariantCulture)}\n\n", token);
                    await response.Body.FlushAsync(token);
                    seen = version;
                }
                // A comment now and then keeps the connection open through anything that times idle ones out.
                await _state.ChangedAfter(seen).WaitAsync(TimeSpan.FromSeconds(20), token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (_state.Version == seen && !token.IsCancellationRequested)
                {
                    await response.WriteAsync(": still here\n\n", token);
                    await response.Body.FlushAsync(token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
