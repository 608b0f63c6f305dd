using System.Net;
using System.Text.RegularExpressions;

namespace OpsConsole.Web.Tests.Secrets;

/// <summary>The secret forms planted in every free-text field of <see cref="SecretTreeFactory"/>.</summary>
public static class SecretForms
{
    public const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2MtYm90IiwiaWF0IjoxNzAwMDAwMDAwfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    public const string WriteToken = "9f8e7d6c5b4a3210ffee";
    public const string NetboxToken = "0123456789abcdef0123456789abcdef01234567";
    public const string GitHubPat = "ghp_R7tQ2wE9yU4iO1pA6sD3fG8hJ5kL0zX2cV7b";
    public const string UrlPassword = "Pr0dPassw0rd42";
    public const string AwsKeyId = "AKIAQ3EGRTLZ5NX7WJ2M";
    public const string SlackToken = "xoxb-2048612345678-4098123456789-Zq8Wn3Kp0Lm5Vb7Xc2Rt9Yh1";
    public const string Password = "S3cure!Pass2026x";
    public const string KeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    /// <summary>(form, text as an operator would paste it, the secret value).</summary>
    public static readonly IReadOnlyList<(string Form, string Text, string Secret)> All =
    [
        ("bearer JWT in a curl line", $"curl -H 'Authorization: Bearer {Jwt}' https://netbox/api/", Jwt),
        ("NETBOX_WRITE_TOKEN quoted in a string", $"export NETBOX_WRITE_TOKEN=\"{WriteToken}\"", WriteToken),
        ("NetBox Token header", $"Authorization: Token {NetboxToken}", NetboxToken),
        ("GitHub token", GitHubPat, GitHubPat),
        ("basic-auth URL", $"https://svc-netbox:{UrlPassword}@netbox.noc.net/api/", UrlPassword),
        ("AWS access key id", AwsKeyId, AwsKeyId),
        ("Slack token", SlackToken, SlackToken),
        ("password assignment", $"password={Password}", Password),
        ("private key", $"-----BEGIN OPENSSH PRIVATE KEY-----\n{KeyBody}\n-----END OPENSSH PRIVATE KEY-----", KeyBody),
    ];

    /// <summary>Every form in one text, as planted in each field.</summary>
    public static string Text { get; } = string.Join(" ; ", All.Select(f => f.Text));

    /// <summary>The ways a body can spell a value: as sent, HTML-decoded and JSON-unescaped.</summary>
    public static IEnumerable<string> Readings(string body) =>
        [body, WebUtility.HtmlDecode(body), JsonUnescaped(body)];

    // \uXXXX and \" \/ \\ as a JSON reader (or a person reading an export) sees them.
    private static string JsonUnescaped(string body) =>
        Regex.Replace(body, @"\\(u[0-9A-Fa-f]{4}|.)", m => m.Groups[1].Value.Length == 5
            ? ((char)Convert.ToInt32(m.Groups[1].Value[1..], 16)).ToString()
            : m.Groups[1].Value is "n" ? "\n" : m.Groups[1].Value);

    /// <summary>The forms whose secret value can be read in <paramref name="body"/>.</summary>
    public static IEnumerable<string> LeakedIn(string body) =>
        All.Where(f => Readings(body).Any(r => r.Contains(f.Secret, StringComparison.Ordinal))).Select(f => f.Form);
}
