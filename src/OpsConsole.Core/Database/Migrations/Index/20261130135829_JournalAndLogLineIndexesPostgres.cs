using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Core.Database.Migrations.Index
{
    /// <inheritdoc />
    public partial class JournalAndLogLineIndexesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtTicks = table.Column<long>(type: "bigint", nullable: false),
                    Change = table.Column<string>(type: "text", nullable: false),
                    Path = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: true),
                    Device = table.Column<string>(type: "text", nullable: true),
                    GroupKey = table.Column<string>(type: "text", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true),
                    StatusBefore = table.Column<string>(type: "text", nullable: true),
                    StatusAfter = table.Column<string>(type: "text", nullable: true),
                    CountBefore = table.Column<int>(type: "integer", nullable: true),
                    CountAfter = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: true),
                    Problem = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "log_line_indexes",
                columns: table => new
                {
                    Path = table.Column<string>(type: "text", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    LastWriteTicks = table.Column<long>(type: "bigint", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_line_indexes", x => x.Path);
                });

            migrationBuilder.CreateIndex(
                name: "IX_change_journal_AtTicks",
                table: "change_journal",
                column: "AtTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_journal");

            migrationBuilder.DropTable(
                name: "log_line_indexes");
        }
    }
}
