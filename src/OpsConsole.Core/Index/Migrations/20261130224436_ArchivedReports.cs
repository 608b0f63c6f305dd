using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Core.Index.Migrations
{
    /// <inheritdoc />
    public partial class ArchivedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Bundles indexed before this table existed are inspected again by the next pass (a changed time makes
            // the pass re-read the file; the facts are the same, so nothing is journaled): that fills the new tables.
            migrationBuilder.Sql("""UPDATE artifacts SET "MtimeTicks" = 0 WHERE "Kind" = 'ArchiveBundle'""");

            migrationBuilder.CreateTable(
                name: "archived_report_counts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Bundle = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archived_report_counts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "archived_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Bundle = table.Column<string>(type: "TEXT", nullable: false),
                    Device = table.Column<string>(type: "TEXT", nullable: true),
                    Day = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: true),
                    Divergences = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherPath = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archived_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_archived_report_counts_Bundle",
                table: "archived_report_counts",
                column: "Bundle");

            migrationBuilder.CreateIndex(
                name: "IX_archived_reports_Bundle",
                table: "archived_reports",
                column: "Bundle");

            migrationBuilder.CreateIndex(
                name: "IX_archived_reports_Device_Day",
                table: "archived_reports",
                columns: new[] { "Device", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archived_report_counts");

            migrationBuilder.DropTable(
                name: "archived_reports");
        }
    }
}
