using Microsoft.Playwright;

namespace Crosscheck.Tests.Web;

/// <summary>Signing a browser in as a person does: a page that needs an account, its sign-in link, the form.</summary>
internal static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, Uri baseAddress, string key)
    {
        var response = await page.GotoAsync(new Uri(baseAddress, "/documents").ToString());
        response!.Status.ShouldBe(401);
        var toLogin = page.WaitForURLAsync("**/login?returnUrl=*");
        await page.Locator("a.sign-in").ClickAsync();
        await toLogin;
        await page.Locator("form.login input[name=key]").FillAsync(key);
        var back = page.WaitForURLAsync("**/documents");
        await page.Locator("form.login button[type=submit]").ClickAsync();
        await back;
        (await page.Locator("li.document").CountAsync()).ShouldBeGreaterThan(0);
    }
}
