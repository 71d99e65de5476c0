using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using OrleansAI.Hosting.Security;
using OrleansAI.Hosting.Options;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace OrleansAI.Api.Tests;

/// <summary>
/// The deployment files (infra/compose.yaml, infra/main.bicep, infra/docker/Dockerfile) against the
/// code they deploy: they compile, and every setting they give the hosts is one the hosts read.
/// (No container runtime or Azure subscription is needed, and none is used.)
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Where each configuration section is bound, so a renamed option fails here rather than in production.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [PostgresOptions.Section] = typeof(PostgresOptions),
        [BlobStorageOptions.Section] = typeof(BlobStorageOptions),
        [ChainOptions.Section] = typeof(ChainOptions),
        [ClusterEndpointOptions.Section] = typeof(ClusterEndpointOptions),
        [GatewayOptions.Section] = typeof(GatewayOptions),
        [ClientKeyOptions.Section] = typeof(ClientKeyOptions),
        [OrleansAI.Hosting.Security.Tls.TlsOptions.Section] = typeof(OrleansAI.Hosting.Security.Tls.TlsOptions),
    };

    /// <summary>Settings read directly rather than bound (Hosting/DependencyRegistration) or owned by ASP.NET Core.</summary>
    private static readonly HashSet<string> Direct = new(StringComparer.Ordinal)
    {
        "Verification:Verifiers", "Urls", "Kestrel:Endpoints:Http:Url", "Kestrel:Endpoints:Providers:Url", "Logging:Console:FormatterName",
        "Kestrel:Endpoints:Http:Certificate:Path", "Kestrel:Endpoints:Http:Certificate:KeyPath",
        "Kestrel:Endpoints:Providers:Certificate:Path", "Kestrel:Endpoints:Providers:Certificate:KeyPath",
    };

    [Fact]
    public async Task TheAzureTemplateCompilesWithThePinnedBicepCompilerAndKeepsSecretsSecure()
    {
        var (code, json, errors) = await RunAsync(BicepPath(), "build", Path.Combine(Root, "infra", "main.bicep"), "--stdout");

        Assert.True(code == 0, errors);
        Assert.DoesNotContain("Warning", errors, StringComparison.Ordinal);
        using var template = JsonDocument.Parse(json);
        var root = template.RootElement;
        var types = Resources(root).Select(r => r.GetProperty("type").GetString()).ToList();
        Assert.Equal(2, types.Count(t => t == "Microsoft.App/containerApps"));
        Assert.Contains("Microsoft.DBforPostgreSQL/flexibleServers", types);
        Assert.Contains("Microsoft.Storage/storageAccounts", types);
        Assert.Contains("Microsoft.App/managedEnvironments", types);
        var parameters = root.GetProperty("parameters");
        foreach (var secret in new[] { "registryPassword", "postgresPassword", "deploymentJson", "gatewaySessionKey" })
        {
            Assert.Equal("securestring", parameters.GetProperty(secret).GetProperty("type").GetString());
        }

        Assert.True(root.GetProperty("outputs").TryGetProperty("gatewayUrl", out _));
        Assert.All(EnvironmentNames(root), AssertReadByTheHosts);
    }

    [Fact]
    public void TheComposeFileBuildsOnlyStagesTheDockerfileHasAndSetsOnlySettingsTheHostsRead()
    {
        var compose = ReadYaml(Path.Combine(Root, "infra", "compose.yaml"));
        var services = (Dictionary<object, object>)compose["services"];
        var dockerfile = File.ReadAllText(Path.Combine(Root, "infra", "docker", "Dockerfile"));
        var stages = StageRegex().Matches(dockerfile).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["silo", "api", "node", "deploy"], StringComparer.Ordinal), stages);
        foreach (var (name, value) in services)
        {
            var service = (Dictionary<object, object>)value;
            if (service.TryGetValue("build", out var build))
            {
                var b = (Dictionary<object, object>)build;
                Assert.Contains((string)b["target"], stages);
                Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Root, "infra", (string)b["context"], (string)b["dockerfile"]))), $"{name}: no Dockerfile");
            }

            if (service.TryGetValue("depends_on", out var dependsOn))
            {
                Assert.All(((Dictionary<object, object>)dependsOn).Keys, d => Assert.True(services.ContainsKey(d), $"{name} depends on unknown {d}"));
            }
        }

        foreach (var host in new[] { "silo", "api" })
        {
            var env = (Dictionary<object, object>)((Dictionary<object, object>)services[host])["environment"];
            Assert.True(env.Count > 10, $"{host} gets {env.Count} settings");
            Assert.All(env.Keys.Cast<string>(), AssertReadByTheHosts);
        }
    }

    [Fact]
    public void TheComposeFilePublishesEveryPortOnLoopbackUnlessTheOperatorSaysOtherwise()
    {
        var compose = ReadYaml(Path.Combine(Root, "infra", "compose.yaml"));
        var services = (Dictionary<object, object>)compose["services"];

        var published = services.Values.Cast<Dictionary<object, object>>()
            .Where(s => s.ContainsKey("ports"))
            .SelectMany(s => ((List<object>)s["ports"]).Cast<string>())
            .ToList();

        Assert.NotEmpty(published);
        Assert.All(published, p => Assert.StartsWith("${OAI_PUBLISH_ADDRESS:-127.0.0.1}:", p, StringComparison.Ordinal));
    }

    [Fact]
    public void AMisspelledSettingIsCaught()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertReadByTheHosts("Chain__RpcUri"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertReadByTheHosts("Postgress__ConnectionString"));
        AssertReadByTheHosts("Clients__Keys__3__Sha256");
    }

    private static void AssertReadByTheHosts(string variable)
    {
        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        if (Direct.Contains(key))
        {
            return;
        }

        var parts = key.Split(':');
        Assert.True(Sections.TryGetValue(parts[0], out var type), $"{variable}: no host reads a section '{parts[0]}'");
        // Walk the path through properties; list indexes step into the element type.
        foreach (var part in parts.Skip(1))
        {
            if (int.TryParse(part, out _))
            {
                Assert.True(type!.IsGenericType, $"{variable}: '{part}' indexes a non-list");
                type = type.GetGenericArguments()[0];
                continue;
            }

            var property = type!.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is not null, $"{variable}: {type.Name} has no setting '{part}'");
            type = property!.PropertyType;
        }
    }

    private static IEnumerable<JsonElement> Resources(JsonElement template) =>
        template.GetProperty("resources").ValueKind == JsonValueKind.Object
            ? template.GetProperty("resources").EnumerateObject().Select(p => p.Value)
            : template.GetProperty("resources").EnumerateArray();

    /// <summary>The names of every environment variable the template gives a container, wherever the compiler put them.</summary>
    private static List<string> EnvironmentNames(JsonElement template)
    {
        var names = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && (e.TryGetProperty("secretRef", out _) || e.TryGetProperty("value", out _))
                    && n.GetString()!.Contains("__", StringComparison.Ordinal))
                {
                    names.Add(n.GetString()!);
                }

                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(template);
        Assert.True(names.Count > 15, $"found only {names.Count} settings in the template");
        return names;
    }

    private static Dictionary<object, object> ReadYaml(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        // Merge keys (<<: *anchor) share the platform's settings between services.
        var parser = new MergingParser(new Parser(reader));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(parser);
    }

    private static string BicepPath()
    {
        var configured = typeof(DeploymentFilesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        return Path.GetFullPath(configured.Replace('\\', '/'));
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The compiler is a .NET app of its own; it needs no ICU for this.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrleansAI.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OrleansAI.sln not found above the test's directory.");
    }

    [GeneratedRegex(@"^FROM\s+\S+\s+AS\s+(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex StageRegex();
}
