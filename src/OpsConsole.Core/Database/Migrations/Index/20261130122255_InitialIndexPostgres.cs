using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpsConsole.Core.Database.Migrations.Index
{
    /// <inheritdoc />
    public partial class InitialIndexPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "artifacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Schema = table.Column<string>(type: "text", nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    MtimeTicks = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Readable = table.Column<bool>(type: "boolean", nullable: false),
                    Problem = table.Column<string>(type: "text", nullable: true),
                    Refused = table.Column<bool>(type: "boolean", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: true),
                    Device = table.Column<string>(type: "text", nullable: true),
                    DeviceId = table.Column<long>(type: "bigint", nullable: true),
                    AtTicks = table.Column<long>(type: "bigint", nullable: true),
                    Day = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<string>(type: "text", nullable: true),
                    GroupKey = table.Column<string>(type: "text", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_artifacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NetboxId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Site = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Platform = table.Column<string>(type: "text", nullable: false),
                    Tenant = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "text", nullable: false),
                    Condition = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: false),
                    Device = table.Column<string>(type: "text", nullable: true),
                    GroupKey = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CompletedPassTicks = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_version", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "index_version",
                columns: new[] { "Id", "CompletedPassTicks", "Version" },
                values: new object[] { 1, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Kind_AtTicks",
                table: "artifacts",
                columns: new[] { "Kind", "AtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Kind_Device_AtTicks",
                table: "artifacts",
                columns: new[] { "Kind", "Device", "AtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Kind_GroupKey",
                table: "artifacts",
                columns: new[] { "Kind", "GroupKey" });

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Kind_Key",
                table: "artifacts",
                columns: new[] { "Kind", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Kind_Status",
                table: "artifacts",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Path",
                table: "artifacts",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Readable",
                table: "artifacts",
                column: "Readable");

            migrationBuilder.CreateIndex(
                name: "IX_devices_Name",
                table: "devices",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_devices_Site",
                table: "devices",
                column: "Site");

            migrationBuilder.CreateIndex(
                name: "IX_findings_Condition",
                table: "findings",
                column: "Condition");

            migrationBuilder.CreateIndex(
                name: "IX_findings_Path",
                table: "findings",
                column: "Path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "artifacts");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "index_version");
        }
    }
}
