using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpsConsole.Core.Audit;
using OpsConsole.Web.Infrastructure.Identity;

namespace OpsConsole.Web.Pages.Account;

/// <summary>
/// Sign-out (mode Oidc): a POST with antiforgery ends the cookie session and the provider's session,
/// then lands on the signed-out page. Anyone may sign out, including a user without a role.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(IOptionsMonitor<ConsoleIdentityOptions> options, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost()
    {
        if (options.CurrentValue.Mode != IdentityMode.Oidc)
        {
            return NotFound();
        }

        audit.Record("identity.signout", IdentityAudit.Actor(HttpContext, "(anonymous)"), null, IdentityAudit.Source(HttpContext), "ok");
        return SignOut(new AuthenticationProperties { RedirectUri = OidcSetup.SignedOutPath },
            CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
