using Microsoft.Playwright;

namespace Crosscheck.Tests.Web;

/// <summary>Debian's chromium, headless, as every browser test starts it (never a browser Playwright would download).</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/lib/chromium/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(Path).ShouldBeTrue($"{Path} is missing: install Debian's chromium (./test.sh does)");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
