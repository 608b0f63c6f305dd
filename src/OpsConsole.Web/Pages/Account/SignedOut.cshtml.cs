using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Account;

/// <summary>Where sign-out lands; open to anonymous users (they just signed out).</summary>
[AllowAnonymous]
public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }
}
