using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpsConsole.Web.Pages.Errors;

/// <summary>The error page: a plain message in the user's language, a request id, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous] // the 401/403 pages themselves must show to anyone
public sealed class ErrorModel : PageModel
{
    public int? Code { get; private set; }
    public string RequestId { get; private set; } = "";

    public string TitleKey => Code switch
    {
        404 => "error.notFound.title",
        400 => "error.badRequest.title",
        403 => "error.forbidden.title",
        429 => "error.tooMany.title",
        503 => "error.databaseUnavailable.title",
        _ => "error.title",
    };

    public string BodyKey => TitleKey.Replace(".title", ".body", StringComparison.Ordinal);

    public void OnGet(int? code) => Handle(code);

    public void OnPost(int? code) => Handle(code);

    private void Handle(int? code)
    {
        Code = code;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
