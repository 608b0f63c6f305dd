using System.Text;
using OpsConsole.Core.Storage;

namespace OpsConsole.Cli;

/// <summary>
/// The CLI's stdout and stderr (set up once in <see cref="CliRunner"/>): text is held until the end of
/// each line, and the line passes through <see cref="SecretRedactor"/> before it is written, so no
/// command can print a secret, whatever it prints.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _line.Append(value);
            if (value == '\n')
            {
                WritePending();
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_lock)
        {
            var start = 0;
            for (var nl = value.IndexOf('\n', StringComparison.Ordinal); nl >= 0; nl = value.IndexOf('\n', start))
            {
                _line.Append(value, start, nl - start + 1);
                WritePending();
                start = nl + 1;
            }

            _line.Append(value, start, value.Length - start);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_lock)
        {
            WritePending();
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void WritePending()
    {
        if (_line.Length > 0)
        {
            inner.Write(SecretRedactor.Redact(_line.ToString()));
            _line.Clear();
        }
    }
}
