using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace OpsConsole.Web.Tests.Infrastructure;

/// <summary>The test server has no socket; this sets the remote address requests appear to come from.</summary>
internal sealed class RemoteAddressStartupFilter(Func<IPAddress?> address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address() ?? IPAddress.Loopback;
            await nextMiddleware();
        });
        next(app);
    };
}
