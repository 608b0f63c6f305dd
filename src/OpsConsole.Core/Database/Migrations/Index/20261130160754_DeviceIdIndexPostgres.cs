using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Core.Database.Migrations.Index
{
    /// <inheritdoc />
    public partial class DeviceIdIndexPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_artifacts_Device_DeviceId",
                table: "artifacts",
                columns: new[] { "Device", "DeviceId" },
                filter: "\"Readable\" AND \"Device\" IS NOT NULL AND \"DeviceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_artifacts_Device_DeviceId",
                table: "artifacts");
        }
    }
}
