using OpsConsole.Core.Handoff;

namespace OpsConsole.Core.Read.Handoff;

/// <summary>One handoff file as the list shows it. <see cref="Document"/> is null when unreadable or quarantined.</summary>
public sealed record HandoffEntry(string Name, string Path, long Size, DateTimeOffset Modified, string? Problem, bool Quarantined, HandoffDocument? Document);
