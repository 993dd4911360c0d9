using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KneeTriage.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SeriesAndBoards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SeriesKey",
                table: "Assessments",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            // Results stored before series existed each start their own series, as a new result does.
            // (Its ";" lets the new-database script made from these migrations run as one batch: NewDatabaseSchema.)
            migrationBuilder.Sql("UPDATE \"Assessments\" SET \"SeriesKey\" = \"Token\";");

            migrationBuilder.CreateTable(
                name: "Boards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    JoinToken = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeleteKeyHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Boards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Shares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    BoardId = table.Column<long>(type: "bigint", nullable: false),
                    SeriesKey = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shares_Boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SeriesKey",
                table: "Assessments",
                column: "SeriesKey");

            migrationBuilder.CreateIndex(
                name: "IX_Boards_JoinToken",
                table: "Boards",
                column: "JoinToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Boards_LastActivityAt",
                table: "Boards",
                column: "LastActivityAt");

            migrationBuilder.CreateIndex(
                name: "IX_Boards_Token",
                table: "Boards",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shares_BoardId",
                table: "Shares",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_SeriesKey",
                table: "Shares",
                column: "SeriesKey");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_Token",
                table: "Shares",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Shares");

            migrationBuilder.DropTable(
                name: "Boards");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_SeriesKey",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "SeriesKey",
                table: "Assessments");
        }
    }
}
