using KneeTriage.Triage.Engine;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

/// <summary>
/// The app's database: stored results, and the data-protection keys that every instance must share
/// (antiforgery tokens and the questionnaire's draft cookie are protected with them). One model for
/// every provider; each provider has its own subclass only so that it can have its own migrations
/// (EF Core's "multiple context types" layout: Data/Migrations/Sqlite, Data/Migrations/PostgreSql).
/// Everything outside Data/ asks for this type.
/// </summary>
public abstract class KneeTriageDbContext(DbContextOptions options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<StoredAssessment> Assessments => Set<StoredAssessment>();

    public DbSet<StoredBoard> Boards => Set<StoredBoard>();

    public DbSet<StoredShare> Shares => Set<StoredShare>();

    public DbSet<StoredIdempotentAnswer> IdempotentAnswers => Set<StoredIdempotentAnswer>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var assessment = modelBuilder.Entity<StoredAssessment>();
        assessment.ToTable("Assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Token).HasMaxLength(ShareToken.Length).IsRequired();
        assessment.HasIndex(a => a.Token).IsUnique();
        // SQLite gives DateTime back without a kind; every stored time is UTC.
        assessment.Property(a => a.CreatedAt)
            .HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        // The retention purge deletes by age; without this it would scan the whole table.
        assessment.HasIndex(a => a.CreatedAt);
        assessment.Property(a => a.KnowledgeBaseVersion).HasMaxLength(64).IsRequired();
        // Brotli behind a mark in the same text column; plain rows from before still read (decision 0031).
        assessment.Property(a => a.AnswersJson).IsRequired()
            .HasConversion(v => CompressedText.Write(v), v => CompressedText.Read(v));
        assessment.Property(a => a.ResultJson).IsRequired()
            .HasConversion(v => CompressedText.Write(v), v => CompressedText.Read(v));
        // The contract's ids ("see-clinician") rather than numbers, so the column reads plainly.
        assessment.Property(a => a.Urgency)
            .HasConversion(v => v.ToContractId(), v => UrgencyColumn.Parse(v))
            .HasMaxLength(16);
        assessment.Property(a => a.DeleteKeyHash).HasMaxLength(32).IsRequired();
        // A result page lists its series and a board its athletes' series: both look up by key.
        assessment.Property(a => a.SeriesKey).HasMaxLength(ShareToken.Length).IsRequired();
        assessment.HasIndex(a => a.SeriesKey);

        var board = modelBuilder.Entity<StoredBoard>();
        board.ToTable("Boards");
        board.HasKey(b => b.Id);
        board.Property(b => b.Token).HasMaxLength(ShareToken.Length).IsRequired();
        board.HasIndex(b => b.Token).IsUnique();
        board.Property(b => b.JoinToken).HasMaxLength(ShareToken.Length).IsRequired();
        board.HasIndex(b => b.JoinToken).IsUnique();
        board.Property(b => b.Name).HasMaxLength(60).IsRequired();
        board.Property(b => b.CreatedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        board.Property(b => b.LastActivityAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        // Retention deletes idle boards by their last activity.
        board.HasIndex(b => b.LastActivityAt);
        board.Property(b => b.DeleteKeyHash).HasMaxLength(32).IsRequired();

        var share = modelBuilder.Entity<StoredShare>();
        share.ToTable("Shares");
        share.HasKey(s => s.Id);
        share.Property(s => s.Token).HasMaxLength(ShareToken.Length).IsRequired();
        share.HasIndex(s => s.Token).IsUnique();
        share.Property(s => s.SeriesKey).HasMaxLength(ShareToken.Length).IsRequired();
        share.HasIndex(s => s.SeriesKey);
        // A series is on a board once: sharing it again renames the share (decision 0018), and two
        // shares sent at the same instant cannot both insert.
        share.HasIndex(s => new { s.BoardId, s.SeriesKey }).IsUnique();
        share.Property(s => s.DisplayName).HasMaxLength(40).IsRequired();
        share.Property(s => s.CreatedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        // A deleted board takes its shares with it, in the database, whoever deletes it.
        share.HasOne<StoredBoard>().WithMany().HasForeignKey(s => s.BoardId).OnDelete(DeleteBehavior.Cascade);

        var answer = modelBuilder.Entity<StoredIdempotentAnswer>();
        answer.ToTable("IdempotentAnswers");
        answer.HasKey(a => a.Id);
        answer.Property(a => a.Scope).HasMaxLength(32).IsRequired();
        answer.Property(a => a.KeyHash).HasMaxLength(32).IsRequired();
        // One first answer per key and request: a second request racing with the same key fails its insert (and with it what it stored).
        answer.HasIndex(a => new { a.Scope, a.KeyHash }).IsUnique();
        answer.Property(a => a.RequestHash).HasMaxLength(32).IsRequired();
        answer.Property(a => a.Location).HasMaxLength(64);
        answer.Property(a => a.ProtectedBody).IsRequired();
        answer.Property(a => a.CreatedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        // The retention sweep deletes by age.
        answer.HasIndex(a => a.CreatedAt);
    }
}
