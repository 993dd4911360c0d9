using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KneeTriage.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app (and its knowledge base).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<KneeTriageDbContext>
{
    public KneeTriageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KneeTriageDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
