namespace OrleansAI.Testing.Network;

/// <summary>Finds files of the source checkout from a test or benchmark binary, wherever it was copied.</summary>
public static class Checkout
{
    /// <summary>
    /// The full path of <paramref name="relativePath"/> in the first folder above the binary's folder or
    /// the current folder that contains it; null when neither is inside a checkout.
    /// </summary>
    public static string? Find(string relativePath) =>
        new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }
            .SelectMany(start => Ancestors(new DirectoryInfo(start)))
            .Select(dir => Path.Combine(dir.FullName, relativePath))
            .FirstOrDefault(File.Exists);

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }
}
