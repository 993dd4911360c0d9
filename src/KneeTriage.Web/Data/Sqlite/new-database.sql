CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "Assessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Assessments" PRIMARY KEY AUTOINCREMENT,
    "Token" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "KnowledgeBaseVersion" TEXT NOT NULL,
    "AnswersJson" TEXT NOT NULL,
    "ResultJson" TEXT NOT NULL,
    "Urgency" TEXT NOT NULL,
    "SeeClinician" INTEGER NOT NULL,
    "DeleteKeyHash" BLOB NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE UNIQUE INDEX "IX_Assessments_Token" ON "Assessments" ("Token");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124041251_InitialCreate', '10.0.15');

CREATE INDEX "IX_Assessments_CreatedAt" ON "Assessments" ("CreatedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124041843_IndexCreatedAt', '10.0.15');

ALTER TABLE "Assessments" ADD "SeriesKey" TEXT NOT NULL DEFAULT '';

UPDATE "Assessments" SET "SeriesKey" = "Token";

CREATE TABLE "Boards" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Boards" PRIMARY KEY AUTOINCREMENT,
    "Token" TEXT NOT NULL,
    "JoinToken" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastActivityAt" TEXT NOT NULL,
    "DeleteKeyHash" BLOB NOT NULL
);

CREATE TABLE "Shares" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Shares" PRIMARY KEY AUTOINCREMENT,
    "Token" TEXT NOT NULL,
    "BoardId" INTEGER NOT NULL,
    "SeriesKey" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Shares_Boards_BoardId" FOREIGN KEY ("BoardId") REFERENCES "Boards" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Assessments_SeriesKey" ON "Assessments" ("SeriesKey");

CREATE UNIQUE INDEX "IX_Boards_JoinToken" ON "Boards" ("JoinToken");

CREATE INDEX "IX_Boards_LastActivityAt" ON "Boards" ("LastActivityAt");

CREATE UNIQUE INDEX "IX_Boards_Token" ON "Boards" ("Token");

CREATE INDEX "IX_Shares_BoardId" ON "Shares" ("BoardId");

CREATE INDEX "IX_Shares_SeriesKey" ON "Shares" ("SeriesKey");

CREATE UNIQUE INDEX "IX_Shares_Token" ON "Shares" ("Token");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201161614_SeriesAndBoards', '10.0.15');

DROP INDEX "IX_Shares_BoardId";

CREATE UNIQUE INDEX "IX_Shares_BoardId_SeriesKey" ON "Shares" ("BoardId", "SeriesKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201165532_OneShareOfASeriesPerBoard', '10.0.15');

CREATE TABLE "IdempotentAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IdempotentAnswers" PRIMARY KEY AUTOINCREMENT,
    "Scope" TEXT NOT NULL,
    "KeyHash" BLOB NOT NULL,
    "RequestHash" BLOB NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "ProtectedBody" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_IdempotentAnswers_CreatedAt" ON "IdempotentAnswers" ("CreatedAt");

CREATE UNIQUE INDEX "IX_IdempotentAnswers_Scope_KeyHash" ON "IdempotentAnswers" ("Scope", "KeyHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206174654_IdempotentAnswers', '10.0.15');

ALTER TABLE "Shares" ADD "ShowResult" INTEGER NOT NULL DEFAULT 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206203929_ShareShowsResult', '10.0.15');

ALTER TABLE "Assessments" ADD "Summary" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206233307_ResultSummary', '10.0.15');

