using Orleans.Dashboard;
using OrleansAI.Hosting;
using OrleansAI.Hosting.Health;
using OrleansAI.Hosting.Orleans;

var builder = WebApplication.CreateBuilder(args);
var configured = builder.AddOrleansAIDependencies();
// Only the silo signs on chain (platform, slasher, arbiter keys); the Api never does.
builder.AddChainSigners(configured);
builder.Services.AddClusterHealthCheck();
builder.UseOrleans(silo => silo
    .UseOrleansAIStorage(configured.Postgres)
    .UseOrleansAIEndpoints(configured.Cluster, configured.IsClustered)
    .AddDashboard());

var app = builder.Build();
app.Logger.LogInformation(
    "Silo starting: {Mode}, cluster {ClusterId}, silo port {SiloPort}, gateway port {GatewayPort}",
    configured.IsClustered ? $"PostgreSQL at {configured.Postgres.Describe()}" : "embedded defaults (localhost clustering, in-memory storage)",
    configured.Cluster.ClusterId,
    configured.Cluster.SiloPort,
    configured.Cluster.GatewayPort);
app.MapGet("/", () => Results.Redirect("/dashboard")).ExcludeFromDescription();
app.MapOrleansAIHealth();
app.MapOrleansDashboard("/dashboard");
return await HostRunner.RunAsync(app, "silo");
