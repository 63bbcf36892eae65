using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FireCommand.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResponsePlanJson",
                table: "KeyPlaces",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LevelRaisedAt",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoIncidentId",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    CallerNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReportedLocation = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReportedCoordinateSystem = table.Column<int>(type: "INTEGER", nullable: true),
                    AddressText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Subtype = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Trapped = table.Column<int>(type: "INTEGER", nullable: false),
                    Injured = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyPlaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    JurisdictionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alarms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alarms_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EtaSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    CrossJurisdiction = table.Column<bool>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnRouteAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnSceneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DispatchedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    JurisdictionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResponsePlanDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponsePlanDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_IncidentId",
                table: "Alarms",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_Source_ExternalId",
                table: "Alarms",
                columns: new[] { "Source", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_IncidentId",
                table: "Assignments",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OpenPerUnit",
                table: "Assignments",
                column: "UnitId",
                unique: true,
                filter: "\"ClearedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alarms");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "ResponsePlanDocuments");

            migrationBuilder.DropColumn(
                name: "ResponsePlanJson",
                table: "KeyPlaces");

            migrationBuilder.DropColumn(
                name: "LevelRaisedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "MergedIntoIncidentId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Incidents");
        }
    }
}
