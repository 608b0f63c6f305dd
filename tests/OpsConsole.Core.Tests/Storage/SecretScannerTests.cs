using OpsConsole.Core.Storage;

namespace OpsConsole.Core.Tests.Storage;

public sealed class SecretScannerTests
{
    private const string Hex40 = "0123456789abcdef0123456789abcdef01234567";

    public static TheoryData<string, string> Secrets => new()
    {
        { "NETBOX_WRITE_TOKEN=abcd1234efgh5678", "abcd1234efgh5678" },
        { "export NETBOX_WRITE_TOKEN=\"0123456789abcdef\"", "0123456789abcdef" },
        { "NETBOX_WRITE_TOKEN: 'f00dfeedf00dfeed'", "f00dfeedf00dfeed" },
        { "  \"NETBOX_WRITE_TOKEN\": \"9f8e7d6c5b4a3210\",", "9f8e7d6c5b4a3210" },
        { "Authorization: Token " + Hex40, Hex40 },
        { "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def' https://netbox", "eyJhbGciOiJIUzI1NiJ9.abc.def" },
        { "authorization: bearer eyJhbGciOiJIUzI1NiJ9.abc.def", "eyJhbGciOiJIUzI1NiJ9.abc.def" },
    };

    public static TheoryData<string> NotSecrets =>
    [
        "the token must be revoked",
        "no write token present",
        "NETBOX_WRITE_TOKEN=\"[TOKEN_FROM_APPROVER]\"",
        "NETBOX_WRITE_TOKEN=",
        "NETBOX_WRITE_TOKEN=\"\"",
        "NETBOX_WRITE_TOKEN=$TOKEN",
        "NETBOX_WRITE_TOKEN=\"$NETBOX_TOKEN_FROM_VAULT\"",
        "NETBOX_WRITE_TOKEN=${NETBOX_TOKEN_FROM_VAULT}",
        "NETBOX_WRITE_TOKEN=<redacted>",
        "Set NETBOX_WRITE_TOKEN only on the apply host.",
        "Authorization: Token " + Hex40[..39],
        "Token " + Hex40[..39] + " is too short",
        "Use the Bearer scheme for the API; a Bearer token is never stored here.",
        "Authorization: Bearer <token>",
        "Authorization: Bearer $TOKEN",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----",
    ];

    [Theory]
    [MemberData(nameof(Secrets))]
    public void SecretIsFoundAndOnlyItsFirstFourCharactersAreShown(string line, string secret)
    {
        var hit = Assert.Single(SecretScanner.Scan(line));

        Assert.Equal(1, hit.Line);
        Assert.StartsWith(secret[..4], hit.Masked, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..5], hit.Masked, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, hit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotSecrets))]
    public void ProsePlaceholderOrVariableIsNotASecret(string line) => Assert.Empty(SecretScanner.Scan(line));

    [Fact]
    public void PrivateKeyBlockIsFoundWithoutShowingTheKey()
    {
        const string body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
        var text = $"# runbook\n\n-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n";

        var hit = Assert.Single(SecretScanner.Scan(text));

        Assert.Equal(3, hit.Line);
        Assert.Contains("private key", hit.Pattern, StringComparison.Ordinal);
        Assert.DoesNotContain(body[..5], hit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----")]
    public void EveryPrivateKeyHeaderIsFound(string header) => Assert.Single(SecretScanner.Scan(header));

    [Fact]
    public void EachHitCarriesItsOneBasedLineNumber()
    {
        var text = string.Join("\r\n",
            "# deploy notes",
            "NETBOX_WRITE_TOKEN=abcd1234efgh5678",
            "",
            "the token must be revoked",
            "Authorization: Token " + Hex40,
            "-----BEGIN OPENSSH PRIVATE KEY-----");

        var hits = SecretScanner.Scan(text);

        Assert.Equal([2, 5, 6], hits.Select(h => h.Line));
        Assert.All(hits, h => Assert.DoesNotContain("abcd1234efgh5678", h.Masked, StringComparison.Ordinal));
        Assert.All(hits, h => Assert.DoesNotContain(Hex40, h.Masked, StringComparison.Ordinal));
    }

    [Fact]
    public void TwoSecretsOnOneLineAreTwoHits()
    {
        var hits = SecretScanner.Scan($"NETBOX_WRITE_TOKEN=abcd1234efgh5678 Authorization: Token {Hex40}");

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(1, h.Line));
    }

    [Fact]
    public void MaskDoesNotRevealTheLength() =>
        Assert.Equal(SecretScanner.Mask("abcd1234").Length, SecretScanner.Mask("abcd1234efgh5678abcd1234efgh5678").Length);

    [Fact]
    public void TextWithoutSecretsHasNoHits() => Assert.Empty(SecretScanner.Scan("# Handoff\n\nAll gates passed.\n"));
}
