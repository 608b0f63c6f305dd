using System.Globalization;
using System.Text;
using OpsConsole.Core.Shift;
using OpsConsole.Core.Storage;

namespace OpsConsole.Web.Pages.Shift;

/// <summary>
/// The digest as Markdown to paste into the handoff document: a heading, the coverage warning when the journal
/// does not cover the window, then one section per kind with one bullet per change (time, linked subject,
/// change). Text from artifacts is already redacted in the lines; Markdown's own characters are escaped so a
/// title cannot add links or formatting.
/// </summary>
public static class ShiftMarkdown
{
    /// <summary>The time format of the export: invariant, with the UTC offset.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm zzz";

    /// <summary>Renders the document; <paramref name="baseUrl"/> (scheme and host) makes the links work once pasted.</summary>
    public static string Render(ShiftView view, string baseUrl)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(view.Heading)).Append('\n').Append('\n');
        md.Append(Escape(view.Window)).Append('\n').Append('\n');
        if (view.CoverageWarning is { } warning)
        {
            md.Append("> **").Append(Escape(warning)).Append("**\n\n");
        }
        else if (view.Lines.Count == 0)
        {
            md.Append(Escape(view.NothingChanged)).Append('\n').Append('\n');
        }

        foreach (var (section, heading) in view.Sections)
        {
            md.Append("## ").Append(Escape(heading)).Append('\n').Append('\n');
            var lines = view.Lines.Where(l => l.Change.Section == section).ToList();
            if (lines.Count == 0)
            {
                md.Append(Escape(view.NoChanges)).Append('\n').Append('\n');
                continue;
            }

            foreach (var line in lines)
            {
                md.Append("- ").Append(line.At.ToString(TimeFormat, CultureInfo.InvariantCulture)).Append(" · ");
                md.Append(line.Href is { } href ? $"[{Escape(line.Subject)}]({baseUrl}{href})" : Escape(line.Subject));
                md.Append(" · ").Append(Escape(line.Text)).Append('\n');
            }

            md.Append('\n');
        }

        return SecretRedactor.Redact(md.ToString()) ?? "";
    }

    /// <summary>Backslash-escapes the characters Markdown gives a meaning to.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        // ( and ) mean nothing once [ and ] are escaped, so they stay readable.
        foreach (var ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(ch is '\r' or '\n' ? ' ' : ch);
        }

        return sb.ToString();
    }
}
