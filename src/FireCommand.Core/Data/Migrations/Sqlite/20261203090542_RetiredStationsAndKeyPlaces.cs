using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FireCommand.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RetiredStationsAndKeyPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "Stations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "KeyPlaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Retired",
                table: "Stations");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "KeyPlaces");
        }
    }
}
