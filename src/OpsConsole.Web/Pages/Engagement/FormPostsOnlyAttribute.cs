using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OpsConsole.Web.Pages.Engagement;

/// <summary>
/// The engagement writes accept HTML form posts only: any other body (JSON, text, XML) is refused with 415
/// before the antiforgery check or a handler runs, so no other encoding can reach the writer.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormPostsOnlyAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>After the local-only check (-1000), before antiforgery.</summary>
    public int Order => -900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !request.HasFormContentType)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
