using OpsConsole.Core.Storage;
using OpsConsole.Core.Tests.Support;

namespace OpsConsole.Core.Tests.Storage;

public sealed class SafePathTests : IDisposable
{
    private readonly TempRoot _temp = new();

    // Each case is named by why it is hostile, so a failure reads as "which trick got through".
    private static readonly Dictionary<string, string?> Hostile = new()
    {
        ["null"] = null,
        ["empty"] = "",
        ["parent"] = "..",
        ["current"] = ".",
        ["parent then file"] = "../x",
        ["parent twice"] = "../../etc/passwd",
        ["climbs out after a folder"] = "a/../../x",
        ["parent in the middle"] = "a/../b",
        ["parent at the end"] = "a/..",
        ["climbs out deep"] = "a/b/../../../etc",
        ["absolute path"] = "/etc/passwd",
        ["only a slash"] = "/",
        ["backslash rooted"] = "\\etc",
        ["backslash traversal"] = "a\\..\\b",
        ["UNC path"] = "\\\\server\\share\\x",
        ["drive with slash"] = "C:/x",
        ["drive relative"] = "c:x",
        ["file URL"] = "file:///etc/passwd",
        ["NUL inside"] = "a\0.json",
        ["NUL after parent"] = "..\0/x",
        ["percent-encoded parent"] = "%2e%2e/x",
        ["double-encoded parent"] = "%252e%252e",
        ["encoded slash after parent"] = "..%2f",
        ["encoded NUL"] = "a%00.json",
        ["overlong UTF-8 parent still encoded"] = "%c0%ae%c0%ae/",
        ["replacement characters (decoded overlong)"] = "\uFFFD\uFFFD/x",
        ["fullwidth dots"] = "\uFF0E\uFF0E/x",
        ["fullwidth slash"] = "..\uFF0Fx",
        ["division slash"] = "..\u2215x",
        ["one-dot leaders"] = "\u2024\u2024/x",
        ["two-dot leader"] = "\u2025/x",
        ["big solidus"] = "..\u29F8x",
        ["lone surrogate"] = "a\uD800b",
        ["double slash"] = "a//b",
        ["dot segment first"] = "./a",
        ["dot segment last"] = "a/.",
        ["dot segment middle"] = "a/./b",
        ["trailing slash"] = "handoff/",
        ["leading tilde"] = "~/x",
        ["tilde user"] = "~root/.ssh/id_rsa",
        ["carriage return"] = "a\rb",
        ["line feed"] = "handoff/x.md\n../../etc/passwd",
        ["tab"] = "a\tb",
        ["next-line control"] = "a\u0085b",
        ["longer than 512"] = string.Join('/', Enumerable.Repeat(new string('a', 100), 6)),
        ["leading space segment"] = " a/b",
        ["trailing space segment"] = "a /b",
        ["space-padded parent"] = " ../x",
        ["parent then space"] = ".. /x",
        ["only spaces"] = "   ",
        ["no-break space segment"] = "a/\u00A0/b",
        ["wildcard"] = "compliance/*/x.json",
        ["question mark"] = "a?.json",
        ["pipe"] = "a|b",
        ["angle brackets"] = "<a>",
        ["double quote"] = "a\"b",
    };

    public static TheoryData<string> HostileCases => [.. Hostile.Keys];

    public static TheoryData<string> AcceptedCases =>
    [
        "compliance/2026-05-01/dev-1.json",
        "handoff/x.md",
        "devices.json",
        "engagement/core_sw.01/responses.csv",
        "operations/cycle-002/week1-activation.json",
        "approvals/pending/approval-APR-2026-0110.json",
        "a.b_c-d/e.f",
        "files/.hidden-but-well-formed",
    ];

    [Fact]
    public void TheHostileCorpusHasAtLeastFortyCases() => Assert.True(Hostile.Count >= 40, $"only {Hostile.Count} cases");

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void HostilePathIsRejected(string why) => Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, Hostile[why]));

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void OrdinaryPathResolvesInsideTheRoot(string relative)
    {
        var full = SafePath.Resolve(_temp.CanonicalRoot, relative);

        Assert.Equal(Path.Join(_temp.CanonicalRoot, relative), full);
    }

    [Fact]
    public void PathOfExactlyTheMaximumLengthIsAccepted()
    {
        var relative = string.Join('/', Enumerable.Repeat(new string('a', 100), 4)) + "/" + new string('b', 108);
        Assert.Equal(SafePath.MaxLength, relative.Length);

        Assert.NotNull(SafePath.Resolve(_temp.CanonicalRoot, relative));
    }

    [Fact]
    public void SymlinkedFilePointingOutsideIsRejected()
    {
        var target = _temp.WriteOutside("secret.json", "{}");
        File.CreateSymbolicLink(_temp.PathOf("link.json"), target);

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "link.json"));
    }

    [Fact]
    public void SymlinkedFileWithRelativeTargetOutsideIsRejected()
    {
        _temp.WriteOutside("secret.json", "{}");
        Directory.CreateDirectory(_temp.PathOf("handoff"));
        File.CreateSymbolicLink(_temp.PathOf("handoff/x.md"), "../../outside/secret.json");

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "handoff/x.md"));
    }

    [Fact]
    public void EverythingUnderASymlinkedDirectoryPointingOutsideIsRejected()
    {
        _temp.WriteOutside("inner/secret.json", "{}");
        Directory.CreateSymbolicLink(_temp.PathOf("compliance"), _temp.Outside);

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "compliance"));
        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "compliance/inner/secret.json"));
        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "compliance/does-not-exist.json"));
    }

    [Fact]
    public void ChainOfLinksEndingOutsideIsRejected()
    {
        var target = _temp.WriteOutside("secret.json", "{}");
        File.CreateSymbolicLink(_temp.PathOf("hop2.json"), target);
        File.CreateSymbolicLink(_temp.PathOf("hop1.json"), _temp.PathOf("hop2.json"));

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "hop1.json"));
    }

    [Fact]
    public void RelativeLinkBelowASymlinkedFolderIsJudgedByWhereTheKernelLands()
    {
        // "deep/x/y/alias" -> "shallow" (inside). Seen through the alias, "../../../secret.json" looks like it
        // stays inside the root ("deep/secret.json"), but the kernel resolves it from the real folder "shallow",
        // which lands outside the root.
        _temp.WriteOutside("secret.json", "{}");
        Directory.CreateDirectory(_temp.PathOf("shallow"));
        Directory.CreateDirectory(_temp.PathOf("deep/x/y"));
        Directory.CreateSymbolicLink(_temp.PathOf("deep/x/y/alias"), _temp.PathOf("shallow"));
        File.CreateSymbolicLink(_temp.PathOf("shallow/f.json"), "../../outside/secret.json");
        Assert.Equal("{}", File.ReadAllText(_temp.PathOf("deep/x/y/alias/f.json")));

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "deep/x/y/alias/f.json"));
    }

    [Fact]
    public void DanglingSymlinkPointingOutsideIsRejected()
    {
        File.CreateSymbolicLink(_temp.PathOf("dangling.json"), Path.Join(_temp.Outside, "missing.json"));

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "dangling.json"));
    }

    [Fact]
    public void SymlinkPointingInsideTheRootIsAccepted()
    {
        _temp.Write("handoff/real.md", "# real");
        File.CreateSymbolicLink(_temp.PathOf("handoff/alias.md"), "real.md");
        Directory.CreateSymbolicLink(_temp.PathOf("docs"), _temp.PathOf("handoff"));

        Assert.Equal(Path.Join(_temp.CanonicalRoot, "handoff/alias.md"), SafePath.Resolve(_temp.CanonicalRoot, "handoff/alias.md"));
        Assert.Equal(Path.Join(_temp.CanonicalRoot, "docs/real.md"), SafePath.Resolve(_temp.CanonicalRoot, "docs/real.md"));
    }

    [Fact]
    public void RootReachedThroughASymlinkStillResolvesItsFiles()
    {
        _temp.Write("handoff/x.md", "# x");
        var linkedRoot = Path.Join(_temp.Base, "root-link");
        Directory.CreateSymbolicLink(linkedRoot, _temp.Root);

        var canonical = SafePath.Canonicalize(linkedRoot);

        Assert.Equal(_temp.CanonicalRoot, canonical);
        var full = SafePath.Resolve(canonical, "handoff/x.md");
        Assert.NotNull(full);
        Assert.Equal("# x", File.ReadAllText(full));
        Assert.Null(SafePath.Resolve(canonical, "../outside/x"));
    }

    [Fact]
    public void RootReachedThroughARelativeLinkInsideASymlinkedFolderIsTheRealFolder()
    {
        // "alias" -> "nested/deeper"; "nested/deeper/root-link" -> "../../root". The kernel counts the relative
        // target from the real folder "nested/deeper" and lands on the real root.
        Directory.CreateDirectory(Path.Join(_temp.Base, "nested/deeper"));
        Directory.CreateSymbolicLink(Path.Join(_temp.Base, "alias"), Path.Join(_temp.Base, "nested/deeper"));
        Directory.CreateSymbolicLink(Path.Join(_temp.Base, "nested/deeper/root-link"), "../../root");

        Assert.Equal(_temp.CanonicalRoot, SafePath.Canonicalize(Path.Join(_temp.Base, "alias/root-link")));
    }

    [Fact]
    public void SymlinkLoopIsRejected()
    {
        File.CreateSymbolicLink(_temp.PathOf("loop-a.json"), "loop-b.json");
        File.CreateSymbolicLink(_temp.PathOf("loop-b.json"), "loop-a.json");

        Assert.Null(SafePath.Resolve(_temp.CanonicalRoot, "loop-a.json"));
    }

    [Fact]
    public void RootWithATrailingSlashCanonicalizesToTheSameRoot() =>
        Assert.Equal(_temp.CanonicalRoot, SafePath.Canonicalize(_temp.Root + "/"));

    [Fact]
    public void SiblingFolderSharingTheRootPrefixIsNotInside() =>
        Assert.False(SafePath.IsInside(_temp.CanonicalRoot, _temp.CanonicalRoot + "-evil/x"));

    public void Dispose() => _temp.Dispose();
}
