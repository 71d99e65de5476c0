using System.Net;
using System.Net.Sockets;
using Silos = OrleansAI.Hosting.Orleans.SiloBuilderExtensions;

namespace OrleansAI.Hosting.Tests;

/// <summary>How a silo works out the address it advertises (one setting for every container replica).</summary>
public sealed class AdvertisedAddressTests
{
    [Fact]
    public void AnIpIsTakenAsGiven()
    {
        Assert.Equal(IPAddress.Parse("10.1.2.3"), Silos.AdvertisedAddress("10.1.2.3"));
    }

    [Fact]
    public void HostMeansThisMachinesOwnNameResolvedToIpv4()
    {
        var address = Silos.AdvertisedAddress(ClusterEndpointOptions.OwnHostName);

        Assert.Equal(AddressFamily.InterNetwork, address.AddressFamily);
        Assert.Contains(address, Dns.GetHostAddresses(Dns.GetHostName()));
    }

    [Fact]
    public void ANameResolvesToItsIpv4AndAnUnknownOneFails()
    {
        Assert.Equal(IPAddress.Loopback, Silos.AdvertisedAddress("localhost"));
        Assert.ThrowsAny<Exception>(() => Silos.AdvertisedAddress("no-such-host.invalid"));
    }
}
