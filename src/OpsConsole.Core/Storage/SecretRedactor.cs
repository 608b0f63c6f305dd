using System.Diagnostics.CodeAnalysis;

namespace OpsConsole.Core.Storage;

/// <summary>
/// The one redaction point: every string that leaves the artifact store (parsed values, Markdown,
/// CSV cells, problem texts) and every text written to a page, export, log, audit row or CLI line
/// passes through <see cref="Redact"/>, so a secret is only ever seen in its masked form. The store
/// applies it to whole documents in <see cref="ArtifactSecrets"/> (JSON strings with their property
/// names, Markdown as rendered); this method is the same masking for one text.
/// </summary>
public static class SecretRedactor
{
    /// <summary>
    /// Returns <paramref name="text"/> with every secret-looking value masked (first 4 characters and a fixed
    /// mask), including values hidden by JSON or CSV escapes or HTML entities.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text) => string.IsNullOrEmpty(text) ? text : ArtifactSecrets.RedactText(text);
}
