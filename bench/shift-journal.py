# The /shift query (ShiftDigestQuery) on a change journal as 10,000 devices x 30 nightly runs leave it:
# the first run's reports, then only the 5% whose status changed each night (a report that says what the
# previous one said is not journaled), plus 50 approval decisions a day. Window: 12 hours holding one run.
# Usage: python3 bench/shift-journal.py   (schema = migration ChangeJournal; SQLite through Python's sqlite3)
import sqlite3, random, time
db = sqlite3.connect(":memory:")
db.executescript("""CREATE TABLE "change_journal" ("Id" INTEGER NOT NULL CONSTRAINT "PK_change_journal" PRIMARY KEY AUTOINCREMENT, "AtTicks" INTEGER NOT NULL, "Change" TEXT NOT NULL, "Path" TEXT NOT NULL, "Kind" TEXT NOT NULL, "Key" TEXT NULL, "Device" TEXT NULL, "GroupKey" TEXT NULL, "Title" TEXT NULL, "StatusBefore" TEXT NULL, "StatusAfter" TEXT NULL, "CountBefore" INTEGER NULL, "CountAfter" INTEGER NULL, "Category" TEXT NULL, "Actor" TEXT NULL, "Problem" TEXT NULL);
CREATE INDEX "IX_change_journal_AtTicks" ON "change_journal" ("AtTicks");
""")
random.seed(1)
day = 864000000000
base = 639000000000000000
rows = []
for d in range(30):
    at = base + d * day
    for i in range(10000):
        changed = random.random() < 0.05
        if not changed and d > 0: continue
        before, after = ("compliant", "divergent") if changed else ("compliant", "compliant")
        rows.append((at, "added", f"compliance/{d}/DEV-{i}.json", "ComplianceReport", f"CR-{d}-{i}", f"DEV-{i}", None, None, before, after, 0, 1 if changed else 0, None, None, None))
    for i in range(50):
        rows.append((at + 3600*10**7, "changed", f"approvals/x/approval-{d}-{i}.json", "Approval", f"APR-{d}-{i}", None, None, None, "pending", "approved", 1, 1, None, "carlos", None))
db.executemany("INSERT INTO change_journal (AtTicks, Change, Path, Kind, Key, Device, GroupKey, Title, StatusBefore, StatusAfter, CountBefore, CountAfter, Category, Actor, Problem) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
db.execute("INSERT INTO change_journal (AtTicks, Change, Path, Kind) VALUES (?, 'baseline', '', 'baseline')", (base - day,))
db.commit()
print("rows", db.execute("select count(*) from change_journal").fetchone()[0])
frm = base + 29 * day - 6 * 3600 * 10**7
to = frm + 12 * 3600 * 10**7
q = """SELECT * FROM change_journal WHERE AtTicks >= ? AND AtTicks <= ? AND Change <> 'baseline'
 AND (Kind <> 'ComplianceReport' OR Change = 'removed' OR StatusBefore IS NOT StatusAfter OR CountBefore IS NOT CountAfter)
 ORDER BY AtTicks, Kind, Path, Id"""
start_q = "SELECT AtTicks FROM change_journal WHERE Change = 'baseline' ORDER BY AtTicks LIMIT 1"
ts = []
for _ in range(20):
    t = time.perf_counter(); n = len(db.execute(q, (frm, to)).fetchall()); db.execute(start_q).fetchone(); ts.append((time.perf_counter() - t) * 1000)
ts.sort()
print("lines", n, "p50 %.1f ms p95 %.1f ms" % (ts[10], ts[18]))
print(db.execute("EXPLAIN QUERY PLAN " + q, (frm, to)).fetchall())
print(db.execute("EXPLAIN QUERY PLAN " + start_q).fetchall())
