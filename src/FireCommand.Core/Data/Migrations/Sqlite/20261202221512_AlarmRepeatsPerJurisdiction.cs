using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FireCommand.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlarmRepeatsPerJurisdiction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alarms_Source_ExternalId",
                table: "Alarms");

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_Source_JurisdictionId_ExternalId",
                table: "Alarms",
                columns: new[] { "Source", "JurisdictionId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alarms_Source_JurisdictionId_ExternalId",
                table: "Alarms");

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_Source_ExternalId",
                table: "Alarms",
                columns: new[] { "Source", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");
        }
    }
}
