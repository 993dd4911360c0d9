using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data.PostgreSql;

/// <summary>The model on PostgreSQL, with the migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlKneeTriageDbContext(DbContextOptions<PostgreSqlKneeTriageDbContext> options) : KneeTriageDbContext(options);
