using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Tests.Storage;

/// <summary>
/// Both directions of the secret catalogue, table-driven: every form a NOC artifact can carry is found
/// and masked; every placeholder and piece of prose is left alone.
/// </summary>
public sealed class SecretCatalogueTests
{
    // Deterministic token bodies of an exact length (the formats check lengths).
    private static string Chars(int length, string alphabet = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6") =>
        string.Concat(Enumerable.Range(0, length).Select(i => alphabet[(i * 7 + 3) % alphabet.Length]));

    private const string Hex40 = "0123456789abcdef0123456789abcdef01234567";
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2MtYm90IiwiaWF0IjoxNzAwMDAwMDAwfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    private const string KeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    private static string Armour(string label) => $"-----BEGIN {label}-----\n{KeyBody}\n-----END {label}-----";

    /// <summary>(case, text as written in an artifact, the secret value that must never be shown).</summary>
    public static TheoryData<string, string, string> Forms => new()
    {
        { "NETBOX_WRITE_TOKEN shell", "export NETBOX_WRITE_TOKEN=\"0123456789abcdef\"", "0123456789abcdef" },
        { "NETBOX_WRITE_TOKEN yaml", "NETBOX_WRITE_TOKEN: 'f00dfeedf00dfeed'", "f00dfeedf00dfeed" },
        { "NETBOX_WRITE_TOKEN json key", "  \"NETBOX_WRITE_TOKEN\": \"9f8e7d6c5b4a3210\",", "9f8e7d6c5b4a3210" },
        { "NetBox Token header", "Authorization: Token " + Hex40, Hex40 },
        { "NetBox v2 token", "Authorization: Bearer nbt_Ab3dEf7hIj.0123456789abcdefABCDEF", "nbt_Ab3dEf7hIj.0123456789abcdefABCDEF" },
        { "bearer JWT in curl", $"curl -H 'Authorization: Bearer {Jwt}' https://netbox/api/", Jwt },
        { "bearer lower case", "authorization: bearer 7f3c9a1e5b2d4f6a8c0e", "7f3c9a1e5b2d4f6a8c0e" },
        { "Authorization header object", "\"Authorization\": \"Bearer 7f3c9a1e5b2d4f6a8c0e\"", "7f3c9a1e5b2d4f6a8c0e" },
        { "basic auth header", "Authorization: Basic c3ZjLW5ldGJveDpQcjBkUGFzc3cwcmQ0Mg==", "c3ZjLW5ldGJveDpQcjBkUGFzc3cwcmQ0Mg==" },
        { "bare bearer token", "send it as Bearer 9b8a7c6d5e4f3a2b1c0d9e8f", "9b8a7c6d5e4f3a2b1c0d9e8f" },
        { "bare JWT", "token was " + Jwt, Jwt },
        { "basic-auth URL", "https://svc-netbox:Pr0dPassw0rd42@netbox.noc.net/api/", "Pr0dPassw0rd42" },
        { "basic-auth URL short", "git clone https://user:pass@host/repo.git", "pass" },
        { "PGP private key", Armour("PGP PRIVATE KEY BLOCK"), KeyBody },
        { "OpenSSH private key", Armour("OPENSSH PRIVATE KEY"), KeyBody },
        { "PKCS#8 private key", Armour("PRIVATE KEY"), KeyBody },
        { "encrypted private key", Armour("ENCRYPTED PRIVATE KEY"), KeyBody },
        { "RSA private key", Armour("RSA PRIVATE KEY"), KeyBody },
        { "EC private key", Armour("EC PRIVATE KEY"), KeyBody },
        { "DSA private key", Armour("DSA PRIVATE KEY"), KeyBody },
        { "AWS access key id", "aws_access_key_id = AKIAQ3EGRTLZ5NX7WJ2M", "AKIAQ3EGRTLZ5NX7WJ2M" },
        { "AWS session key id", "ASIAY34FZKBOKMUTVV7A", "ASIAY34FZKBOKMUTVV7A" },
        { "AWS secret key", "aws_secret_access_key = " + Chars(40, "wJalrXUtnFEMIK7MDENGbPxRfiCY0123456789+/"), Chars(40, "wJalrXUtnFEMIK7MDENGbPxRfiCY0123456789+/") },
        { "GitHub PAT", "ghp_" + Chars(36), "ghp_" + Chars(36) },
        { "GitHub OAuth", "gho_" + Chars(36), "gho_" + Chars(36) },
        { "GitHub user-to-server", "ghu_" + Chars(36), "ghu_" + Chars(36) },
        { "GitHub server-to-server", "ghs_" + Chars(36), "ghs_" + Chars(36) },
        { "GitHub refresh", "ghr_" + Chars(36), "ghr_" + Chars(36) },
        { "GitHub fine-grained", "github_pat_" + Chars(82, "A1b2C3d4E5f6G7h8I9j0_"), "github_pat_" + Chars(82, "A1b2C3d4E5f6G7h8I9j0_") },
        { "GitLab PAT", "glpat-" + Chars(20), "glpat-" + Chars(20) },
        { "Slack bot token", "xoxb-2048612345678-4098123456789-" + Chars(24), "xoxb-2048612345678-4098123456789-" + Chars(24) },
        { "Slack user token", "xoxp-2048612345678-4098123456789-" + Chars(24), "xoxp-2048612345678-4098123456789-" + Chars(24) },
        { "Slack webhook", "https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/" + Chars(24), "T0A1B2C3D/B0A1B2C3D/" + Chars(24) },
        { "Google API key", "AIza" + Chars(35), "AIza" + Chars(35) },
        { "Stripe live key", "sk_live_" + Chars(24), "sk_live_" + Chars(24) },
        { "npm token", "//registry.npmjs.org/:_authToken=npm_" + Chars(36), "npm_" + Chars(36) },
        { "Azure storage key", "DefaultEndpointsProtocol=https;AccountName=noc;AccountKey=" + Chars(86, "abcDEF0123456789+/") + "==", Chars(86, "abcDEF0123456789+/") },
        { "password assignment", "password=S3cure!Pass2026x", "S3cure!Pass2026x" },
        { "passwd assignment", "db_passwd: Qm7Rt2Kx9Lp4", "Qm7Rt2Kx9Lp4" },
        { "PASSWORD in a report beside passed checks", "{\"passed\": 13, \"DB_PASSWORD\": \"Vn4Bc8Xz1Mq6\"}", "Vn4Bc8Xz1Mq6" },
        { "pwd assignment", "admin_pwd = Hs5Gd3Jf8Kl2", "Hs5Gd3Jf8Kl2" },
        { "secret in yaml", "client_secret: 8fJ2kL9mN4pQ7rS1", "8fJ2kL9mN4pQ7rS1" },
        { "api_key assignment", "api_key=\"Zx81Qw2Er3Ty4Ui5\"", "Zx81Qw2Er3Ty4Ui5" },
        { "token in json", "\"x-auth-token\": \"a9B8c7D6e5F4g3H2\"", "a9B8c7D6e5F4g3H2" },
        { "SNMP community", "snmp-server community N0cR3adOnly77 RO", "N0cR3adOnly77" },
        { "device password 7", "username admin privilege 15 password 7 0822455D0A16544541", "0822455D0A16544541" },
    };

    /// <summary>Prose and placeholders that must never trigger stop condition 1.</summary>
    public static TheoryData<string> NotSecrets =>
    [
        "the token must be revoked",
        "no write token present; the token: rotate it after the window",
        "NETBOX_WRITE_TOKEN=\"[TOKEN_FROM_APPROVER]\"",
        "NETBOX_WRITE_TOKEN=",
        "NETBOX_WRITE_TOKEN=$NETBOX_WRITE_TOKEN",
        "NETBOX_WRITE_TOKEN=${TOKEN}",
        "NETBOX_WRITE_TOKEN=<token>",
        "NETBOX_WRITE_TOKEN=changeme",
        "NETBOX_WRITE_TOKEN=xxxxxxxxxxxxxxxx",
        "NETBOX_WRITE_TOKEN=TOKEN_FROM_APPROVER",
        "Set NETBOX_WRITE_TOKEN only on the apply host.",
        "Authorization: Bearer <token>",
        "Authorization: Bearer $TOKEN",
        "Authorization: Bearer ${NETBOX_TOKEN}",
        "Authorization: Bearer YOUR_TOKEN_HERE",
        "Authorization: Token <40 hex characters>",
        "Authorization: Token " + Hex40[..39],
        "Use the Bearer scheme for the API; a Bearer token is never stored here.",
        "Bearer authentication_is_required_for_every_call",
        "password=changeme",
        "password: <password>",
        "password: required",
        "password=********",
        "api_key=${API_KEY}",
        "secret=xxxxxxxxxxxx",
        "client_secret: [ask the approver]",
        "token_expires_at: 2026-11-30T10:00:00Z",
        "secret_ref: vault/kv/noc/netbox",
        "https://user:${PASSWORD}@netbox/api/",
        "https://<user>:<password>@netbox/api/",
        "https://netbox.noc.net/api/dcim/devices/?limit=50",
        "ssh://git@github.com:22/org/repo.git",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_ tokens are personal access tokens",
        "snmp-server community <string> RO",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----",
        "{\"summary\": {\"checks\": 14, \"passed\": 13, \"failed\": 1}}",
        "passing checks: 13; bypass: none",
        "Rotate the NetBox token and the GitHub token before the window; keys live in the vault.",
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_is_found_and_only_its_first_four_characters_are_shown(string form, string text, string secret)
    {
        var hits = SecretScanner.Scan(text);

        Assert.True(hits.Count > 0, $"{form}: not found in \"{text}\"");
        var masked = SecretRedactor.Redact(text);
        Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        Assert.Contains(SecretScanner.Mask(secret), masked, StringComparison.Ordinal);
        Assert.All(hits, h => Assert.Equal(SecretScanner.Mask(secret), h.Masked));
    }

    [Theory]
    [MemberData(nameof(NotSecrets))]
    public void Prose_and_placeholders_are_not_secrets(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        var once = SecretRedactor.Redact($"export NETBOX_WRITE_TOKEN=0123456789abcdef; curl -H 'Authorization: Bearer {Jwt}'");

        Assert.Equal(once, SecretRedactor.Redact(once));
        Assert.Empty(SecretScanner.Scan(once));
    }

    [Fact]
    public void A_value_hidden_by_json_escapes_in_a_text_is_masked() =>
        Assert.DoesNotContain("0123456789abcdef", SecretRedactor.Redact("notes: export NETBOX_WRITE_TOKEN=\\\"0123456789abcdef\\\""), StringComparison.Ordinal);
}
