using System.Text.Json.Serialization;
using OrleansAI.Api;
using OrleansAI.Api.Apis;
using OrleansAI.Api.Diagnostics;
using OrleansAI.Hosting.Security.Tls;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var configured = builder.AddOrleansAIDependencies();
builder.AddTransportSecurity(configured);
builder.AddClusterConnection(configured);
builder.AddClientAuthentication(configured.IsClustered);
builder.AddProviderGateway();
builder.AddInference();
builder.AddClientRateLimits();
builder.Services.ConfigureHttpJsonOptions(o => OrleansAI.Sdk.OaiJson.Apply(o.SerializerOptions));
builder.Services.AddProblemResponses();
builder.Services.AddOpenApi();
builder.Services.AddSingleton(configured);
builder.Services.AddScoped<SmokeCheck>();
builder.Services.AddSingleton<OrleansAI.Api.Security.ResourceAccess>();

var app = builder.Build();
app.UseProblemResponses();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/reference", o => o.WithTitle("OrleansAI API")).AllowAnonymous();
app.MapGet("/", () => Results.Redirect("/reference")).ExcludeFromDescription().AllowAnonymous();
app.MapOrleansAIHealth();
app.MapDiagnosticsApi();
app.MapJobsApi();
app.MapModelsApi();
app.MapDatasetsApi();
app.MapGrantsApi();
app.MapAuditApi();
app.MapProvidersApi();
app.MapProviderGateway();
app.MapInferenceApi();
app.MapChainApi();
app.MapVerificationApi();
return await HostRunner.RunAsync(app, "api");

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
