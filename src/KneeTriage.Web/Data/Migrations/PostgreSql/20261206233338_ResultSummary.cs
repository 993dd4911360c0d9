using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeTriage.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ResultSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Assessments",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Summary",
                table: "Assessments");
        }
    }
}
