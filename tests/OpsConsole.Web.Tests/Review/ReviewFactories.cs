using OpsConsole.Web.Tests.Infrastructure;

namespace OpsConsole.Web.Tests.Review;

/// <summary>A reviewed mark of a compliance run, as <c>opsconsole compliance review</c> writes it.</summary>
internal static class ReviewMarks
{
    public static string Mark(string date, string reviewedBy = "ana.souza", string reviewedAt = "2026-11-21T13:30:00Z") => $$"""
        {
          "schema": "opsconsole/compliance-review@1",
          "date": "{{date}}",
          "reviewed_by": "{{reviewedBy}}",
          "reviewed_at": "{{reviewedAt}}",
          "note": "two divergences followed up",
          "reports": 5,
          "divergent": 2,
          "unreadable": 1
        }
        """;

    public static void Write(string root, string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}

/// <summary>Fixtures/dashboards with the latest run (2026-11-21) reviewed by ana.souza.</summary>
public sealed class ReviewedRunFactory() : DashboardsFactory(root => ReviewMarks.Write(root, "compliance/2026-11-21.review.json", ReviewMarks.Mark("2026-11-21")));

/// <summary>Fixtures/dashboards with a mark of the latest run that is not valid JSON.</summary>
public sealed class MalformedReviewFactory() : DashboardsFactory(root => ReviewMarks.Write(root, "compliance/2026-11-21.review.json", "{ \"schema\": \"opsconsole/compliance-review@1\", \"date\": "));

/// <summary>Fixtures/dashboards where only the older run (2026-11-20) was reviewed: the latest one was not.</summary>
public sealed class OlderRunReviewedFactory() : DashboardsFactory(root => ReviewMarks.Write(root, "compliance/2026-11-20.review.json", ReviewMarks.Mark("2026-11-20")));
