using System.Globalization;
using System.Resources;

namespace OpsConsole.Core.Operations;

/// <summary>
/// The words of an evidence pack's <c>SUMMARY.md</c> in one language, from <c>EvidencePackText.resx</c>
/// (English) and <c>EvidencePackText.pt-BR.resx</c>. They live in the domain library because the CLI and
/// the web build the same pack.
/// </summary>
public sealed class EvidencePackText
{
    /// <summary>The default language.</summary>
    public const string English = "en";

    /// <summary>Brazilian Portuguese.</summary>
    public const string Portuguese = "pt-BR";

    /// <summary>What a missing key renders as, so a test can find it.</summary>
    public const string MissingMarker = "[[missing:";

    internal static readonly ResourceManager Resources = new("OpsConsole.Core.Operations.EvidencePackText", typeof(EvidencePackText).Assembly);

    private readonly CultureInfo _culture;

    /// <summary>Texts in <paramref name="culture"/> (see <see cref="Normalize"/>).</summary>
    public EvidencePackText(string? culture)
    {
        Culture = Normalize(culture);
        _culture = CultureInfo.GetCultureInfo(Culture);
    }

    /// <summary>The language used: <see cref="English"/> or <see cref="Portuguese"/>.</summary>
    public string Culture { get; }

    /// <summary><see cref="Portuguese"/> for any spelling of pt-BR (or pt); otherwise <see cref="English"/>.</summary>
    public static string Normalize(string? culture) =>
        culture is not null && (culture.Equals(Portuguese, StringComparison.OrdinalIgnoreCase) || culture.Equals("pt", StringComparison.OrdinalIgnoreCase))
            ? Portuguese
            : English;

    /// <summary>The text of <paramref name="key"/>; a visible marker when the key is missing.</summary>
    public string this[string key] => Resources.GetString(key, _culture) ?? MissingMarker + key + "]]";

    /// <summary>The text of <paramref name="key"/> formatted with <paramref name="args"/>.</summary>
    public string Format(string key, params object?[] args) => string.Format(_culture, this[key], args);

    /// <summary>A status word (gate or stop state); the raw value when the catalogue has no word for it.</summary>
    public string Status(string? status) =>
        status is null ? this["status.none"] : Resources.GetString("status." + status, _culture) ?? status;

    /// <summary>A ladder reason in this language, formatted with its (already redacted) arguments.</summary>
    public string Reason(LadderReason reason, Func<string, string> redact)
    {
        var template = Resources.GetString("ladder." + reason.Code, _culture);
        return template is null
            ? redact(reason.Text)
            : string.Format(_culture, template, [.. reason.Args.Select(a => (object)redact(a))]);
    }
}
