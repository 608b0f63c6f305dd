using OpsConsole.Core.Storage;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace OpsConsole.Web.Infrastructure;

/// <summary>
/// Wraps every configured Serilog sink (see <see cref="Pipeline.AddOpsConsoleLogging"/>): each event's string
/// property values, its message template and its exception text pass through <see cref="SecretRedactor"/>
/// before any sink formats them, so no log line can carry a secret, whatever a caller logs.
/// </summary>
internal sealed class RedactingLogSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser TemplateParser = new();

    public void Emit(LogEvent logEvent)
    {
        var changed = false;
        var properties = new List<LogEventProperty>(logEvent.Properties.Count);
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = Redact(value);
            changed |= !ReferenceEquals(redacted, value);
            properties.Add(new LogEventProperty(name, redacted));
        }

        var templateText = SecretRedactor.Redact(logEvent.MessageTemplate.Text);
        var template = templateText == logEvent.MessageTemplate.Text ? logEvent.MessageTemplate : TemplateParser.Parse(templateText);
        var exception = logEvent.Exception is { } ex && SecretRedactor.Redact(ex.ToString()) is var text && text != ex.ToString()
            ? new RedactedException(text)
            : logEvent.Exception;
        if (!changed && ReferenceEquals(template, logEvent.MessageTemplate) && ReferenceEquals(exception, logEvent.Exception))
        {
            inner.Emit(logEvent);
            return;
        }

        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    // Returns the same instance when nothing was masked, so clean events are passed on untouched.
    private static LogEventPropertyValue Redact(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string s } when SecretRedactor.Redact(s) is var r && r != s:
                return new ScalarValue(r);
            case SequenceValue seq:
                var items = seq.Elements.Select(Redact).ToList();
                return items.Where((v, i) => !ReferenceEquals(v, seq.Elements[i])).Any() ? new SequenceValue(items) : value;
            case StructureValue st:
                var props = st.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList();
                return props.Where((p, i) => !ReferenceEquals(p.Value, st.Properties[i].Value)).Any() ? new StructureValue(props, st.TypeTag) : value;
            case DictionaryValue dict:
                var pairs = dict.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Redact(kv.Key), Redact(kv.Value))).ToList();
                return pairs.Where((kv, i) => !ReferenceEquals(kv.Key, dict.Elements.ElementAt(i).Key) || !ReferenceEquals(kv.Value, dict.Elements.ElementAt(i).Value)).Any()
                    ? new DictionaryValue(pairs) : value;
            default:
                return value;
        }
    }

    /// <summary>Stands in for an exception whose text held a secret: keeps the masked text, type and stack included.</summary>
    private sealed class RedactedException : Exception
    {
        public RedactedException(string text)
            : base(text)
        {
        }

        public override string ToString() => Message;
    }
}
