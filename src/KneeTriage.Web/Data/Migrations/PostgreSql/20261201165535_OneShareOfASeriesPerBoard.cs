using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeTriage.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OneShareOfASeriesPerBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shares_BoardId",
                table: "Shares");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_BoardId_SeriesKey",
                table: "Shares",
                columns: new[] { "BoardId", "SeriesKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shares_BoardId_SeriesKey",
                table: "Shares");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_BoardId",
                table: "Shares",
                column: "BoardId");
        }
    }
}
