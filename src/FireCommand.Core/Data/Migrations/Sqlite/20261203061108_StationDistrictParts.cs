using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FireCommand.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StationDistrictParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The district is WKB in a BLOB, which holds a multipolygon as well; rows written as one polygon are
            // read as a one-part multipolygon (WkbConverter), so the table is unchanged.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
