using System.Xml.Linq;
using OpsConsole.Web.Ui;

namespace OpsConsole.Web.Tests.Foundation;

public sealed class LocalizationTests
{
    private static string ResourcesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "src", "OpsConsole.Web", "Resources");
    }

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ResourcesFolder(), "*.resx").Where(f => !f.EndsWith(".pt-BR.resx", StringComparison.Ordinal)))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_key_exists_in_english_and_portuguese_with_a_value(string set)
    {
        var en = Keys(Path.Combine(ResourcesFolder(), set + ".resx"));
        var ptFile = Path.Combine(ResourcesFolder(), set + ".pt-BR.resx");
        Assert.True(File.Exists(ptFile), $"{set}.pt-BR.resx is missing");
        var pt = Keys(ptFile);

        Assert.Empty(en.Keys.Except(pt.Keys));
        Assert.Empty(pt.Keys.Except(en.Keys));
        Assert.DoesNotContain(en, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(pt, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void Every_status_in_the_catalogue_has_a_label_in_both_languages()
    {
        var en = Keys(Path.Combine(ResourcesFolder(), "SharedResource.resx"));
        var pt = Keys(Path.Combine(ResourcesFolder(), "SharedResource.pt-BR.resx"));

        foreach (var status in StatusCatalogue.Known)
        {
            Assert.Contains("status." + status, en.Keys);
            Assert.Contains("status." + status, pt.Keys);
        }
    }

    [Fact]
    public void An_unknown_status_word_is_never_shown_green()
    {
        Assert.Equal(StatusTone.Unknown, StatusCatalogue.For("totally-new-status").Tone);
        Assert.Equal(StatusTone.Unknown, StatusCatalogue.For(null).Tone);
    }
}
