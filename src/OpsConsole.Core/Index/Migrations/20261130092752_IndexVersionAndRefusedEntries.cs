using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Core.Index.Migrations
{
    /// <inheritdoc />
    public partial class IndexVersionAndRefusedEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Refused",
                table: "artifacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "index_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedPassTicks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_version", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "index_version",
                columns: new[] { "Id", "CompletedPassTicks", "Version" },
                values: new object[] { 1, null, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_version");

            migrationBuilder.DropColumn(
                name: "Refused",
                table: "artifacts");
        }
    }
}
