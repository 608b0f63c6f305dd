using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Core.Engagement;
using OpsConsole.Deploy.Tests.Support;

namespace OpsConsole.Deploy.Tests.Lifecycle;

/// <summary>A stop (SIGTERM, systemctl stop) while a service team's answer is being written.</summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task A_stop_refuses_new_connections_but_lets_the_save_in_flight_finish_and_write_its_row()
    {
        var factory = new DemoConsoleFactory { DeleteFilesOnDispose = false };
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };
        await factory.CreateReadyClientAsync();
        var token = await EngagementForm.TokenAsync(client);
        var writer = factory.Services.GetRequiredService<EngagementWriter>();
        using var writing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        writer.AfterTempWritten = _ =>
        {
            writing.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        };
        var responses = Path.Combine(factory.Root, "engagement", EngagementForm.Device, "responses.csv");
        var rowsBefore = File.ReadAllLines(responses).Length;

        var save = EngagementForm.SaveAsync(client, token, "amazonlink");
        Assert.True(writing.Wait(TimeSpan.FromSeconds(30)), "the save never reached the write");
        var stop = Task.Run(factory.Dispose);
        var refused = await WaitUntilRefusedAsync(address);
        release.Set();
        var saved = await save;
        await stop.WaitAsync(TimeSpan.FromSeconds(30));

        var rowsAfter = File.ReadAllLines(responses).Length;
        factory.DeleteFiles();

        Assert.True(refused, "the stopping console still accepted connections");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(rowsBefore + 1, rowsAfter);
    }

    private static async Task<bool> WaitUntilRefusedAsync(Uri address)
    {
        for (var i = 0; i < 200; i++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(address.Host, address.Port);
            }
            catch (SocketException)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
