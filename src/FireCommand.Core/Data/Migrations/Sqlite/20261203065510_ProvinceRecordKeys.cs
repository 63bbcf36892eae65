using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FireCommand.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceRecordKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProvinceRecordKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvinceRecordKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProvinceRecordKeys_Kind_Key",
                table: "ProvinceRecordKeys",
                columns: new[] { "Kind", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProvinceRecordKeys");
        }
    }
}
