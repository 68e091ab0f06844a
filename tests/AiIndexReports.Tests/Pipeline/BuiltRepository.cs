using AiIndexReports.Pipeline;

namespace AiIndexReports.Tests.Pipeline;

/// <summary>
/// One temp copy of the repository, built once (every brief of every edition) and shared by the build-workflow tests:
/// a test that changes files works on a <see cref="RepoCopy.Clone"/> of it, which starts up to date.
/// </summary>
public sealed class BuiltRepository : IDisposable
{
    public RepoCopy Repo { get; } = RepoCopy.OfRepository();
    public IReadOnlyList<BriefBuildResult> FirstBuild { get; }
    public SortedDictionary<string, byte[]> Outputs { get; }

    public BuiltRepository()
    {
        FirstBuild = Repo.Build();
        Outputs = Repo.Outputs();
    }

    public void Dispose() => Repo.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BuiltRepositoryCollection : ICollectionFixture<BuiltRepository>
{
    public const string Name = "built repository";
}
