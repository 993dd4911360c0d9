using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeTriage.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShareShowsResult : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Shares made before this column let the coach open the result: they keep doing so
            // (contract v1.2). New shares always set it; the model has no default, so EF never
            // mistakes a runner's false for "not set".
            migrationBuilder.AddColumn<bool>(
                name: "ShowResult",
                table: "Shares",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ShowResult",
                table: "Shares");
        }
    }
}
