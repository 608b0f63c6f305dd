using System.Text.RegularExpressions;

namespace OpsConsole.Core.Storage;

/// <summary>One kind of secret the scanner knows: a pattern whose group <c>v</c> is the secret value.</summary>
/// <param name="Name">What was found, in plain words (shown with the masked value).</param>
/// <param name="Regex">The pattern; group <c>v</c> is the part that is masked.</param>
/// <param name="Needles">Literals of which every match contains at least one (compared ignoring case): a text holding none skips the pattern.</param>
/// <param name="Accept">Extra test on the value (placeholders, shape); null accepts every match.</param>
internal sealed record SecretRule(string Name, Regex Regex, string[] Needles, Func<string, bool>? Accept = null);

/// <summary>
/// The catalogue of secret forms (stop condition 1). Provider formats follow gitleaks' default rules
/// (github.com/gitleaks/gitleaks, config/gitleaks.toml); NOC forms (NetBox tokens, Authorization
/// headers, basic-auth URLs, device configuration secrets) are added. Order matters: when two rules
/// find overlapping values, the earlier one names the hit.
/// </summary>
internal static partial class SecretRules
{
    // Separator between a name and its value in shell, YAML, JSON ("name": "value") and INI forms. Horizontal
    // space only: a name at the end of one line never takes the next line as its value.
    private const string Sep = """["']?[ \t]*(?::=|=>|[=:])[ \t]*["']?""";

    [GeneratedRegex("NETBOX_WRITE_TOKEN" + Sep + """(?<v>[A-Za-z0-9_\-./+]{8,})""", RegexOptions.IgnoreCase)]
    private static partial Regex WriteToken();

    [GeneratedRegex("""\bToken[ \t]+(?<v>[0-9a-fA-F]{40})\b""", RegexOptions.IgnoreCase)]
    private static partial Regex NetboxToken();

    // NetBox 4.5 v2 tokens: "nbt_" + key id + "." + secret.
    [GeneratedRegex("""\b(?<v>nbt_[A-Za-z0-9]{8,}\.[A-Za-z0-9]{16,})""")]
    private static partial Regex NetboxV2Token();

    [GeneratedRegex("""-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?<v>[\s\S]*?)(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|\z)""")]
    private static partial Regex PrivateKey();

    [GeneratedRegex("""PuTTY-User-Key-File-\d+:[^\r\n]*(?<v>[\s\S]*?)(?:Private-MAC:[^\r\n]*|\z)""")]
    private static partial Regex PuttyKey();

    [GeneratedRegex("Authorization" + Sep + """(?:Bearer|Basic|Digest)[ \t]+(?<v>[A-Za-z0-9\-._~+/]{12,}=*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex("""\bBearer[ \t]+(?<v>[A-Za-z0-9\-._~+/]{20,}=*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex("""\b(?<v>ey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.(?:[A-Za-z0-9/\\_-]{10,}={0,2})?)""")]
    private static partial Regex Jwt();

    // scheme://user:password@host — the password is the secret.
    [GeneratedRegex("""\b[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^\s:/?#@"'<>\[\]]{1,100}:(?<v>[^\s@/?#"'<>]{1,200})@[A-Za-z0-9.\-\[\]]+""")]
    private static partial Regex UrlPassword();

    [GeneratedRegex("""\b(?<v>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b""")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex("""secret_?access_?key""" + Sep + """(?<v>[A-Za-z0-9/+=]{40})\b""", RegexOptions.IgnoreCase)]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex("""\b(?<v>(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36,76})\b""")]
    private static partial Regex GitHubToken();

    [GeneratedRegex("""\b(?<v>github_pat_[0-9A-Za-z_]{50,})\b""")]
    private static partial Regex GitHubFineGrained();

    [GeneratedRegex("""\b(?<v>gl(?:pat|dt|rt|ptt|cbt|oas)-[0-9A-Za-z_\-]{20,})""")]
    private static partial Regex GitLabToken();

    [GeneratedRegex("""\b(?<v>xox[abposre]-[0-9A-Za-z\-]{10,})""")]
    private static partial Regex SlackToken();

    [GeneratedRegex("""hooks\.slack\.com/(?:services|workflows|triggers)/(?<v>[A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{8,})""")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex("""\b(?<v>AIza[0-9A-Za-z\-_]{35})""")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex("""\b(?<v>(?:sk|rk)_(?:test|live|prod)_[0-9A-Za-z]{10,99})\b""")]
    private static partial Regex StripeKey();

    [GeneratedRegex("""\b(?<v>npm_[A-Za-z0-9]{36})\b""", RegexOptions.IgnoreCase)]
    private static partial Regex NpmToken();

    [GeneratedRegex("""AccountKey[ \t]*=[ \t]*(?<v>[A-Za-z0-9+/]{80,100}={0,2})""", RegexOptions.IgnoreCase)]
    private static partial Regex AzureAccountKey();

    [GeneratedRegex("""[?&]sig=(?<v>[A-Za-z0-9%+/]{30,}={0,2})""")]
    private static partial Regex AzureSasSignature();

    // Device configuration: "snmp-server community S3cr3t RO", "username x password 7 0822…", "enable secret 5 $1$…".
    [GeneratedRegex("""\bsnmp-server[ \t]+community[ \t]+(?<v>[^\s<>\[\]{}$]{4,})""", RegexOptions.IgnoreCase)]
    private static partial Regex SnmpCommunity();

    [GeneratedRegex("""\b(?:password|secret)[ \t]+[0-9][ \t]+(?<v>[^\s<>\[\]{}]{6,})""", RegexOptions.IgnoreCase)]
    private static partial Regex DeviceConfigSecret();

    [GeneratedRegex("""\b[\w.\-]{0,40}?(?<key>passw(?:or)?d|passwd|pwd|secret|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|client[_\-]?secret|auth[_\-]?key|token|credentials?)[\w.\-]{0,30}?""" + Sep + """(?<v>[^\s"'`<>,;]{8,200})""", RegexOptions.IgnoreCase)]
    private static partial Regex GenericAssignment();

    /// <summary>Every rule, in priority order.</summary>
    public static readonly SecretRule[] All =
    [
        new("private key block", PrivateKey(), ["-----BEGIN"]),
        new("PuTTY private key", PuttyKey(), ["PuTTY-User-Key-File-"]),
        new("NETBOX_WRITE_TOKEN with a value", WriteToken(), ["NETBOX_WRITE_TOKEN"], SecretValues.IsReal),
        new("NetBox API token (Token <40 hex>)", NetboxToken(), ["Token"]),
        new("NetBox v2 token (nbt_…)", NetboxV2Token(), ["nbt_"]),
        new("Authorization: Bearer header", AuthorizationHeader(), ["Authorization"], SecretValues.IsReal),
        new("JSON Web Token", Jwt(), ["eyJ", "eyA"], SecretValues.IsReal),
        new("Bearer token", Bearer(), ["Bearer"], SecretValues.IsRandomLooking),
        new("password in a URL (user:password@host)", UrlPassword(), ["://"], SecretValues.IsReal),
        new("AWS access key id", AwsAccessKeyId(), ["AKIA", "ASIA", "A3T", "ABIA", "ACCA"], SecretValues.IsRealAwsKeyId),
        new("AWS secret access key", AwsSecretKey(), ["access_key", "accesskey"], SecretValues.IsReal),
        new("GitHub token", GitHubToken(), ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]),
        new("GitHub fine-grained token", GitHubFineGrained(), ["github_pat_"]),
        new("GitLab token", GitLabToken(), ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "gloas-"]),
        new("Slack token", SlackToken(), ["xox"], SecretValues.IsReal),
        new("Slack webhook", SlackWebhook(), ["hooks.slack.com"]),
        new("Google API key", GoogleApiKey(), ["AIza"]),
        new("Stripe key", StripeKey(), ["k_live_", "k_test_", "k_prod_"]),
        new("npm token", NpmToken(), ["npm_"]),
        new("Azure storage account key", AzureAccountKey(), ["AccountKey"]),
        new("Azure SAS signature", AzureSasSignature(), ["sig="]),
        new("SNMP community", SnmpCommunity(), ["snmp-server"], SecretValues.IsReal),
        new("device configuration secret", DeviceConfigSecret(), ["password", "secret"], SecretValues.IsReal),
        // "passw", not "pass": every key the pattern accepts (password, passwd) contains it, and "pass" alone is in
        // every compliance report ("passed": 13), which sent all 300,000 of them through this pattern and the JSON re-read.
        new("password, secret or key assignment", GenericAssignment(), ["passw", "pwd", "secret", "key", "token", "credential"], SecretValues.IsGenericSecret),
    ];
}
