using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeTriage.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexCreatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CreatedAt",
                table: "Assessments",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assessments_CreatedAt",
                table: "Assessments");
        }
    }
}
