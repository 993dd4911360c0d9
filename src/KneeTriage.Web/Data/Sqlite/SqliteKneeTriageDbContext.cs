using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data.Sqlite;

/// <summary>The model on SQLite, with the migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteKneeTriageDbContext(DbContextOptions<SqliteKneeTriageDbContext> options) : KneeTriageDbContext(options);
