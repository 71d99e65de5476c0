using Orleans.Dashboard;
using OrleansAI.Hosting;
using OrleansAI.Hosting.Audit;
using OrleansAI.Hosting.Health;
using OrleansAI.Hosting.Orleans;
using OrleansAI.Hosting.Security;
using OrleansAI.Hosting.Security.Tls;

var builder = WebApplication.CreateBuilder(args);
var configured = builder.AddOrleansAIDependencies();
builder.AddTransportSecurity(configured);
// Only the silo signs on chain (platform, slasher, arbiter keys); the Api never does.
builder.AddChainSigners(configured);
// Silos delete audit entries past their retention; the Api only appends.
builder.AddAuditRetention();
builder.Services.AddClusterHealthCheck();
// The dashboard shows every grain and silo and can reach internal state: operators only.
builder.AddKeyAuthentication(configured.IsClustered, "operator", ClientKey.OperatorRole);
builder.UseOrleans(silo => silo
    .UseOrleansAIStorage(configured.Postgres)
    .UseOrleansAIEndpoints(configured.Cluster, configured.IsClustered)
    .AddDashboard());

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.Logger.LogInformation(
    "Silo starting: {Mode}, cluster {ClusterId}, silo port {SiloPort}, gateway port {GatewayPort}",
    configured.IsClustered ? $"PostgreSQL at {configured.Postgres.Describe()}" : "embedded defaults (localhost clustering, in-memory storage)",
    configured.Cluster.ClusterId,
    configured.Cluster.SiloPort,
    configured.Cluster.GatewayPort);
app.MapGet("/", () => Results.Redirect("/dashboard")).ExcludeFromDescription().AllowAnonymous();
app.MapOrleansAIHealth();
app.MapOrleansDashboard("/dashboard").RequireAuthorization(ClientKey.OperatorRole);
return await HostRunner.RunAsync(app, "silo");

/// <summary>Entry point; public so integration tests can host the silo in-process.</summary>
public partial class Program;
