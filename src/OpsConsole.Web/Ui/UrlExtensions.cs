using Microsoft.AspNetCore.Http.Extensions;

namespace OpsConsole.Web.Ui;

/// <summary>Builds links to the current page with one query parameter changed (filters, paging, language).</summary>
public static class UrlExtensions
{
    public static string WithQuery(this HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (string.IsNullOrEmpty(value))
            {
                query.Remove(key);
            }
            else
            {
                query[key] = value;
            }
        }

        var qb = new QueryBuilder(query.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)));
        return request.PathBase + request.Path + qb.ToQueryString();
    }
}
