using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Core.Index.Migrations
{
    /// <inheritdoc />
    public partial class MoveAuditTrailToOwnStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Deliberately no DROP here: the rows are audit history, not cache. Audit.LegacyAuditImport
            // copies them into the audit store and drops the table only once the copy is committed.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The audit trail stays in its own store; a downgraded index starts with no audit table rows.
            migrationBuilder.Sql(
                "CREATE TABLE IF NOT EXISTS \"audit_events\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_audit_events\" PRIMARY KEY AUTOINCREMENT, " +
                "\"AtTicks\" INTEGER NOT NULL, \"Type\" TEXT NOT NULL, \"Actor\" TEXT NOT NULL, \"Target\" TEXT NULL, " +
                "\"Source\" TEXT NOT NULL, \"Outcome\" TEXT NOT NULL, \"Detail\" TEXT NULL);");
        }
    }
}
