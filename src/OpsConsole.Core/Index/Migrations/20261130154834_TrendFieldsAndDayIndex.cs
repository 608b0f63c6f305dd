using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Core.Index.Migrations
{
    /// <inheritdoc />
    public partial class TrendFieldsAndDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NewDivergentFields",
                table: "change_journal",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DivergentFields",
                table: "artifacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Kind_Day_Readable_Status_Device",
                table: "artifacts",
                columns: new[] { "Kind", "Day", "Readable", "Status", "Device" });

            // Reports indexed before this column have no fields: a changed modified time makes the next full pass
            // read them again (the journal does not count that as a change).
            migrationBuilder.Sql("UPDATE artifacts SET \"MtimeTicks\" = 0 WHERE \"Kind\" = 'ComplianceReport';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_artifacts_Kind_Day_Readable_Status_Device",
                table: "artifacts");

            migrationBuilder.DropColumn(
                name: "NewDivergentFields",
                table: "change_journal");

            migrationBuilder.DropColumn(
                name: "DivergentFields",
                table: "artifacts");
        }
    }
}
