using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace FireCommand.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StationDistrictParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A district may have several parts now; existing single polygons become one-part multipolygons
            // (a plain type change would refuse them).
            migrationBuilder.Sql(
                "ALTER TABLE \"Stations\" ALTER COLUMN \"District\" TYPE geometry(MultiPolygon,4326) USING ST_Multi(\"District\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one polygon per station: the largest part is kept.
            migrationBuilder.Sql(
                "ALTER TABLE \"Stations\" ALTER COLUMN \"District\" TYPE geometry(Polygon,4326) USING " +
                "(SELECT d.geom FROM ST_Dump(\"District\") d ORDER BY ST_Area(d.geom) DESC LIMIT 1);");
        }
    }
}
