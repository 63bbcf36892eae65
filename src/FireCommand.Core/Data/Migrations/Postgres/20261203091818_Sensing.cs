using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace FireCommand.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sensing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DeviceId = table.Column<long>(type: "bigint", nullable: true),
                    Transport = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeviceTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    UnknownDevice = table.Column<bool>(type: "boolean", nullable: false),
                    JurisdictionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeviceProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RulesJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoredDevices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Transport = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProfileCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KeyPlaceId = table.Column<long>(type: "bigint", nullable: false),
                    Building = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Floor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Zone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    JurisdictionId = table.Column<long>(type: "bigint", nullable: false),
                    InstalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Online = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoredDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoredDevices_KeyPlaces_KeyPlaceId",
                        column: x => x.KeyPlaceId,
                        principalTable: "KeyPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RuleMemories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Consecutive = table.Column<int>(type: "integer", nullable: false),
                    HoldingSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastValue = table.Column<double>(type: "double precision", nullable: true),
                    LastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Raised = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleMemories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DevicePoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    Component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Building = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Floor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Zone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevicePoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevicePoints_MonitoredDevices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "MonitoredDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SensingAlarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    DeviceKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    LastValue = table.Column<double>(type: "double precision", nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    KeyPlaceId = table.Column<long>(type: "bigint", nullable: false),
                    Building = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Floor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Zone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    JurisdictionId = table.Column<long>(type: "bigint", nullable: false),
                    FirstFrameAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifyBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    IncidentCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensingAlarms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SensingAlarms_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SensingAlarms_MonitoredDevices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "MonitoredDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SensingAlarmEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlarmId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensingAlarmEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SensingAlarmEvents_SensingAlarms_AlarmId",
                        column: x => x.AlarmId,
                        principalTable: "SensingAlarms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DeviceProfiles",
                columns: new[] { "Id", "Code", "Name", "RulesJson" },
                values: new object[,]
                {
                    { 1L, "transmission-device", "用户信息传输装置 / transmission device", "[{\"code\":\"fire\",\"kind\":\"Event\",\"metric\":\"fire\",\"alarmType\":\"fire\",\"severity\":\"Critical\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"reset\"]},{\"code\":\"manual-call-point\",\"kind\":\"Event\",\"metric\":\"manual_call_point\",\"alarmType\":\"fire\",\"severity\":\"Critical\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"reset\"]},{\"code\":\"fault\",\"kind\":\"Event\",\"metric\":\"fault\",\"alarmType\":\"fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\",\"reset\"]},{\"code\":\"shielded\",\"kind\":\"Event\",\"metric\":\"shielded\",\"alarmType\":\"shielded\",\"severity\":\"Info\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"supervisory\",\"kind\":\"Event\",\"metric\":\"supervisory\",\"alarmType\":\"supervisory\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\",\"reset\"]},{\"code\":\"water-flow\",\"kind\":\"Event\",\"metric\":\"water_flow\",\"alarmType\":\"water_flow\",\"severity\":\"Major\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\",\"reset\"]},{\"code\":\"pump-start\",\"kind\":\"Event\",\"metric\":\"pump_start\",\"alarmType\":\"pump_start\",\"severity\":\"Major\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\",\"reset\"]},{\"code\":\"mains-fault\",\"kind\":\"Event\",\"metric\":\"mains_fault\",\"alarmType\":\"mains_fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"battery-fault\",\"kind\":\"Event\",\"metric\":\"battery_fault\",\"alarmType\":\"battery_fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":10}]" },
                    { 2L, "electrical-fire", "电气火灾监控 / electrical fire monitoring", "[{\"code\":\"residual-current\",\"kind\":\"Above\",\"metric\":\"residual_current_ma\",\"alarmType\":\"residual_current\",\"severity\":\"Major\",\"trigger\":300,\"clear\":250,\"consecutiveSamples\":3,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"cable-temperature\",\"kind\":\"Above\",\"metric\":\"temperature_c\",\"alarmType\":\"over_temperature\",\"severity\":\"Major\",\"trigger\":80,\"clear\":70,\"consecutiveSamples\":1,\"sustainSeconds\":60,\"clearEvents\":[]},{\"code\":\"fault\",\"kind\":\"Event\",\"metric\":\"fault\",\"alarmType\":\"fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":30}]" },
                    { 3L, "water-pressure", "消防管网压力 / water pressure", "[{\"code\":\"low-pressure\",\"kind\":\"Below\",\"metric\":\"pressure_mpa\",\"alarmType\":\"low_pressure\",\"severity\":\"Major\",\"trigger\":0.1,\"clear\":0.15,\"consecutiveSamples\":1,\"sustainSeconds\":300,\"clearEvents\":[]},{\"code\":\"over-pressure\",\"kind\":\"Above\",\"metric\":\"pressure_mpa\",\"alarmType\":\"over_pressure\",\"severity\":\"Warning\",\"trigger\":1.6,\"clear\":1.4,\"consecutiveSamples\":2,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":60}]" },
                    { 4L, "tank-level", "消防水池/水箱液位 / tank level", "[{\"code\":\"low-level\",\"kind\":\"Below\",\"metric\":\"level_m\",\"alarmType\":\"low_level\",\"severity\":\"Major\",\"trigger\":2,\"clear\":2.3,\"consecutiveSamples\":1,\"sustainSeconds\":600,\"clearEvents\":[]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":60}]" },
                    { 5L, "smoke", "独立式感烟探测器 / smoke detector", "[{\"code\":\"fire\",\"kind\":\"Event\",\"metric\":\"fire\",\"alarmType\":\"fire\",\"severity\":\"Critical\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\",\"reset\"]},{\"code\":\"smoke\",\"kind\":\"Above\",\"metric\":\"smoke_obscuration\",\"alarmType\":\"fire\",\"severity\":\"Critical\",\"trigger\":0.15,\"clear\":0.05,\"consecutiveSamples\":2,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"fault\",\"kind\":\"Event\",\"metric\":\"fault\",\"alarmType\":\"fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"battery-fault\",\"kind\":\"Event\",\"metric\":\"battery_fault\",\"alarmType\":\"battery_fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":1500}]" },
                    { 6L, "combustible-gas", "可燃气体探测器 / combustible gas", "[{\"code\":\"gas-low\",\"kind\":\"Above\",\"metric\":\"gas_lel_percent\",\"alarmType\":\"gas_low\",\"severity\":\"Major\",\"trigger\":20,\"clear\":10,\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"gas-high\",\"kind\":\"Above\",\"metric\":\"gas_lel_percent\",\"alarmType\":\"gas_high\",\"severity\":\"Critical\",\"trigger\":50,\"clear\":40,\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"fault\",\"kind\":\"Event\",\"metric\":\"fault\",\"alarmType\":\"fault\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[\"normal\"]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":60}]" },
                    { 7L, "temperature", "温度监测 / temperature", "[{\"code\":\"high-temperature\",\"kind\":\"Above\",\"metric\":\"temperature_c\",\"alarmType\":\"over_temperature\",\"severity\":\"Major\",\"trigger\":60,\"clear\":55,\"consecutiveSamples\":2,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"rate-of-rise\",\"kind\":\"RateOfRise\",\"metric\":\"temperature_c\",\"alarmType\":\"temperature_rise\",\"severity\":\"Major\",\"trigger\":8,\"clear\":2,\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[]},{\"code\":\"after-hours-warm\",\"kind\":\"Above\",\"metric\":\"temperature_c\",\"alarmType\":\"after_hours_heat\",\"severity\":\"Warning\",\"trigger\":40,\"clear\":35,\"consecutiveSamples\":1,\"sustainSeconds\":600,\"activeFrom\":\"22:00:00\",\"activeTo\":\"06:00:00\",\"clearEvents\":[]},{\"code\":\"offline\",\"kind\":\"Offline\",\"alarmType\":\"offline\",\"severity\":\"Warning\",\"consecutiveSamples\":1,\"sustainSeconds\":0,\"clearEvents\":[],\"offlineMinutes\":60}]" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceMessages_DeviceKey_MessageId",
                table: "DeviceMessages",
                columns: new[] { "DeviceKey", "MessageId" },
                unique: true,
                filter: "\"MessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceMessages_DeviceKey_ReceivedAt",
                table: "DeviceMessages",
                columns: new[] { "DeviceKey", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DevicePoints_DeviceId_Component",
                table: "DevicePoints",
                columns: new[] { "DeviceId", "Component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceProfiles_Code",
                table: "DeviceProfiles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredDevices_DeviceKey",
                table: "MonitoredDevices",
                column: "DeviceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredDevices_JurisdictionId",
                table: "MonitoredDevices",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredDevices_KeyPlaceId",
                table: "MonitoredDevices",
                column: "KeyPlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleMemories_DeviceKey_Component_RuleCode",
                table: "RuleMemories",
                columns: new[] { "DeviceKey", "Component", "RuleCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SensingAlarmEvents_AlarmId",
                table: "SensingAlarmEvents",
                column: "AlarmId");

            migrationBuilder.CreateIndex(
                name: "IX_SensingAlarms_IncidentId",
                table: "SensingAlarms",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SensingAlarms_JurisdictionId_State",
                table: "SensingAlarms",
                columns: new[] { "JurisdictionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SensingAlarms_KeyPlaceId",
                table: "SensingAlarms",
                column: "KeyPlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_SensingAlarms_OpenPerCondition",
                table: "SensingAlarms",
                columns: new[] { "DeviceId", "Component", "Type" },
                unique: true,
                filter: "\"ClosedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceMessages");

            migrationBuilder.DropTable(
                name: "DevicePoints");

            migrationBuilder.DropTable(
                name: "DeviceProfiles");

            migrationBuilder.DropTable(
                name: "RuleMemories");

            migrationBuilder.DropTable(
                name: "SensingAlarmEvents");

            migrationBuilder.DropTable(
                name: "SensingAlarms");

            migrationBuilder.DropTable(
                name: "MonitoredDevices");
        }
    }
}
