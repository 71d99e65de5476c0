using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansAI.Hosting.Tests;

public sealed class BlobStorageTests
{
    [Fact]
    public async Task ABlobUploadedToAzuriteDownloadsWithTheSameBytes()
    {
        var service = new BlobServiceClient(LocalServices.AzuriteConnection);
        var container = service.GetBlobContainerClient(LocalServices.UniqueId("roundtrip").ToLowerInvariant());
        await container.CreateAsync();
        try
        {
            var payload = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
            var blob = container.GetBlobClient("weights/model.safetensors");
            await blob.UploadAsync(new BinaryData(payload));

            var downloaded = (await blob.DownloadContentAsync()).Value.Content.ToArray();

            Assert.Equal(SHA256.HashData(payload), SHA256.HashData(downloaded));
            Assert.Equal(payload.Length, (await blob.GetPropertiesAsync()).Value.ContentLength);
        }
        finally
        {
            await container.DeleteAsync();
        }
    }

    [Fact]
    public async Task BlobHealthIsHealthyAgainstAzuriteAndUnhealthyWhenItIsStopped()
    {
        var up = await new BlobStorageHealthCheck(new BlobServiceClient(LocalServices.AzuriteConnection))
            .CheckHealthAsync(new HealthCheckContext());
        var down = await new BlobStorageHealthCheck(new BlobServiceClient(
                LocalServices.UnreachableAzuriteConnection,
                new BlobClientOptions { Retry = { MaxRetries = 0 } }))
            .CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains("unreachable", down.Description, StringComparison.Ordinal);
    }
}
