/* migrate.c - the schema, as the list of steps that built it
 *
 * Never edit a migration that has shipped: add a new one.  doc/schema.md
 * describes the tables these steps create (and the ones later steps will
 * add), and why they look the way they do.
 */
#include <config.h>

#include <stdio.h>

#include "core/audit.h"
#include "core/db_sql.h"
#include "core/migrate.h"
#include "core/money.h"
#include "core/tier.h"
#include "i18n.h"

/* The one- and two-character substrings of ROW.name, lowercased (ROW is
 * "new" or "old" in a trigger), as a query with one column, gram. */
#define GRAMS_OF(row) \
	"SELECT lower(substr(" row ".name, n, 1)) AS gram FROM name_positions" \
	" WHERE n <= length(" row ".name)" \
	" UNION SELECT lower(substr(" row ".name, n, 2)) FROM name_positions" \
	" WHERE n < length(" row ".name)"

/* 1: members, tags, settings, audit log. */
static const char migration_1[] =
	"CREATE TABLE settings("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT, WITHOUT ROWID;"

	/* Birthdays are "YYYY-MM-DD" or "MM-DD" (year unknown), so
	 * substr(birthday, -5) is the month and day either way.  gender:
	 * 0 unknown, 1 male, 2 female (the ID-card convention old systems
	 * export).  A deleted or merged member keeps their row, phone and
	 * card: history points at them. */
	"CREATE TABLE members("
	"  id          INTEGER PRIMARY KEY,"
	"  card        TEXT NOT NULL UNIQUE,"
	"  phone       TEXT UNIQUE,"
	"  name        TEXT NOT NULL,"
	"  gender      INTEGER NOT NULL DEFAULT 0 CHECK (gender IN (0, 1, 2)),"
	"  birthday    TEXT,"
	"  joined      TEXT NOT NULL,"
	"  referrer_id INTEGER REFERENCES members(id),"
	"  note        TEXT NOT NULL DEFAULT '',"
	"  status      TEXT NOT NULL DEFAULT 'active'"
	"              CHECK (status IN ('active', 'frozen', 'deleted', 'merged')),"
	"  merged_into INTEGER REFERENCES members(id)"
	") STRICT;"
	/* Counter staff ask for the last four digits of the phone. */
	"CREATE INDEX members_phone_tail ON members(substr(phone, -4));"
	"CREATE INDEX members_referrer ON members(referrer_id)"
	"  WHERE referrer_id IS NOT NULL;"
	"CREATE INDEX members_birthday ON members(substr(birthday, -5))"
	"  WHERE birthday IS NOT NULL;"
	"CREATE INDEX members_status ON members(status, id);"

	"CREATE TABLE tags("
	"  id   INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
	") STRICT;"
	"CREATE TABLE member_tags("
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  tag_id    INTEGER NOT NULL REFERENCES tags(id),"
	"  PRIMARY KEY (member_id, tag_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX member_tags_by_tag ON member_tags(tag_id, member_id);"

	/* Name search.  Substrings of three or more characters go through
	 * an FTS5 trigram index; one- and two-character queries (most
	 * Chinese names are two or three characters) through name_grams,
	 * every one- and two-character substring of every name.  Both are
	 * kept by triggers, so any writer keeps them right. */
	"CREATE VIRTUAL TABLE member_names USING fts5("
	"  name, content='members', content_rowid='id', tokenize='trigram');"
	"CREATE TABLE name_grams("
	"  gram      TEXT NOT NULL,"
	"  member_id INTEGER NOT NULL,"
	"  PRIMARY KEY (gram, member_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE name_positions(n INTEGER PRIMARY KEY) STRICT;"
	"WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 64)"
	"  INSERT INTO name_positions SELECT n FROM p;"
	"CREATE TRIGGER members_name_ai AFTER INSERT ON members BEGIN"
	"  INSERT INTO member_names(rowid, name) VALUES (new.id, new.name);"
	"  INSERT OR IGNORE INTO name_grams(gram, member_id)"
	"    SELECT gram, new.id FROM (" GRAMS_OF("new") ");"
	"END;"
	"CREATE TRIGGER members_name_au AFTER UPDATE OF name ON members BEGIN"
	"  INSERT INTO member_names(member_names, rowid, name)"
	"    VALUES ('delete', old.id, old.name);"
	"  INSERT INTO member_names(rowid, name) VALUES (new.id, new.name);"
	"  DELETE FROM name_grams WHERE member_id = old.id"
	"    AND gram IN (" GRAMS_OF("old") ");"
	"  INSERT OR IGNORE INTO name_grams(gram, member_id)"
	"    SELECT gram, new.id FROM (" GRAMS_OF("new") ");"
	"END;"
	"CREATE TRIGGER members_name_ad AFTER DELETE ON members BEGIN"
	"  INSERT INTO member_names(member_names, rowid, name)"
	"    VALUES ('delete', old.id, old.name);"
	"  DELETE FROM name_grams WHERE member_id = old.id"
	"    AND gram IN (" GRAMS_OF("old") ");"
	"END;"

	/* Who changed what.  old/new are JSON snapshots of what changed. */
	"CREATE TABLE audit("
	"  id        INTEGER PRIMARY KEY,"
	"  at        TEXT NOT NULL,"
	"  operator  TEXT NOT NULL,"
	"  action    TEXT NOT NULL,"
	"  member_id INTEGER REFERENCES members(id),"
	"  old       TEXT,"
	"  new       TEXT"
	") STRICT;"
	"CREATE INDEX audit_member ON audit(member_id, id)"
	"  WHERE member_id IS NOT NULL;"
	"CREATE INDEX audit_at ON audit(at);";

/* 2: the money core - tiers, sales, the points and stored-value ledgers. */
static const char migration_2[] =
	/* A retired tier keeps its row (history points at it) with rank NULL. */
	"CREATE TABLE tiers("
	"  id          INTEGER PRIMARY KEY,"
	"  rank        INTEGER UNIQUE CHECK (rank >= 0),"
	"  name        TEXT NOT NULL,"
	"  min_spend   INTEGER NOT NULL DEFAULT 0 CHECK (min_spend >= 0),"
	"  min_visits  INTEGER NOT NULL DEFAULT 0 CHECK (min_visits >= 0),"
	"  keep_spend  INTEGER NOT NULL DEFAULT 0 CHECK (keep_spend >= 0),"
	"  discount    INTEGER NOT NULL DEFAULT 100 CHECK (discount BETWEEN 1 AND 100),"
	"  points_rate INTEGER NOT NULL DEFAULT 100 CHECK (points_rate BETWEEN 0 AND 1000)"
	") STRICT;"
	"CREATE UNIQUE INDEX tiers_name ON tiers(name) WHERE rank IS NOT NULL;"
	"INSERT INTO tiers(rank, name, min_spend, keep_spend, discount, points_rate) VALUES"
	"  (0, '普通', 0, 0, 100, 100),"
	"  (1, '银卡', 100000, 50000, 98, 120),"
	"  (2, '金卡', 500000, 250000, 95, 150),"
	"  (3, '钻石', 2000000, 1000000, 90, 200);"

	/* Caches of the ledgers below, written in the same transaction;
	 * "memberdesk check" proves them. */
	"ALTER TABLE members ADD COLUMN tier_id INTEGER REFERENCES tiers(id);"
	"ALTER TABLE members ADD COLUMN tier_since TEXT;"
	"ALTER TABLE members ADD COLUMN points INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE members ADD COLUMN wallet_principal INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE members ADD COLUMN wallet_bonus INTEGER NOT NULL DEFAULT 0;"
	"UPDATE members SET tier_id = (SELECT id FROM tiers WHERE rank = 0),"
	"  tier_since = joined;"
	"CREATE INDEX members_tier ON members(tier_id, id);"

	/* One ticket.  paid = amount - discounts - points value: what the
	 * customer paid, from the wallet or otherwise. */
	"CREATE TABLE sales("
	"  id               INTEGER PRIMARY KEY,"
	"  member_id        INTEGER REFERENCES members(id),"
	"  sold_at          TEXT NOT NULL,"
	"  ticket           TEXT UNIQUE,"
	"  category         TEXT NOT NULL DEFAULT '',"
	"  promo            INTEGER NOT NULL DEFAULT 0 CHECK (promo IN (0, 1)),"
	"  payment          TEXT NOT NULL"
	"                   CHECK (payment IN ('cash', 'wechat', 'alipay', 'card', 'wallet', 'other')),"
	"  amount           INTEGER NOT NULL CHECK (amount > 0),"
	"  tier_id          INTEGER REFERENCES tiers(id),"
	"  tier_discount    INTEGER NOT NULL DEFAULT 0 CHECK (tier_discount >= 0),"
	"  coupon_discount  INTEGER NOT NULL DEFAULT 0 CHECK (coupon_discount >= 0),"
	"  points_used      INTEGER NOT NULL DEFAULT 0 CHECK (points_used >= 0),"
	"  points_value     INTEGER NOT NULL DEFAULT 0 CHECK (points_value >= 0),"
	"  paid             INTEGER NOT NULL CHECK (paid >= 0),"
	"  wallet_principal INTEGER NOT NULL DEFAULT 0 CHECK (wallet_principal >= 0),"
	"  wallet_bonus     INTEGER NOT NULL DEFAULT 0 CHECK (wallet_bonus >= 0),"
	"  points_earned    INTEGER NOT NULL DEFAULT 0 CHECK (points_earned >= 0),"
	"  note             TEXT NOT NULL DEFAULT '',"
	"  operator         TEXT NOT NULL,"
	"  created_at       TEXT NOT NULL,"
	"  voided_at        TEXT,"
	"  voided_by        TEXT,"
	"  void_reason      TEXT,"
	"  CHECK (paid = amount - tier_discount - coupon_discount - points_value),"
	"  CHECK (wallet_principal + wallet_bonus <= paid)"
	") STRICT;"
	"CREATE INDEX sales_member ON sales(member_id, sold_at) WHERE member_id IS NOT NULL;"
	"CREATE INDEX sales_time ON sales(sold_at);"

	"CREATE TABLE tier_history("
	"  id        INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  at        TEXT NOT NULL,"
	"  from_tier INTEGER REFERENCES tiers(id),"
	"  to_tier   INTEGER NOT NULL REFERENCES tiers(id),"
	"  reason    TEXT NOT NULL CHECK (reason IN"
	"            ('upgrade', 'downgrade', 'void', 'manual', 'import', 'merge', 'retired')),"
	"  sale_id   INTEGER REFERENCES sales(id),"
	"  detail    TEXT NOT NULL DEFAULT '',"
	"  operator  TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX tier_history_member ON tier_history(member_id, id);"
	"CREATE INDEX tier_history_sale ON tier_history(sale_id) WHERE sale_id IS NOT NULL;"

	/* Points: an append-only ledger.  A credit that can be spent later
	 * opens a lot (how much of it is left, when it expires); every
	 * debit records which lots it took from, so that a void can give
	 * points back to the lots they came from, with their expiry. */
	"CREATE TABLE points_ledger("
	"  id        INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  at        TEXT NOT NULL,"
	"  kind      TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'adjust', 'expire',"
	"            'referral', 'birthday', 'void', 'import', 'merge')),"
	"  delta     INTEGER NOT NULL CHECK (delta <> 0),"
	"  sale_id   INTEGER REFERENCES sales(id),"
	"  expires   TEXT,"
	"  reason    TEXT NOT NULL DEFAULT '',"
	"  operator  TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX points_ledger_member ON points_ledger(member_id, id);"
	"CREATE INDEX points_ledger_sale ON points_ledger(sale_id) WHERE sale_id IS NOT NULL;"
	"CREATE TABLE points_lots("
	"  id        INTEGER PRIMARY KEY REFERENCES points_ledger(id),"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  remaining INTEGER NOT NULL CHECK (remaining >= 0),"
	"  expires   TEXT"
	") STRICT;"
	"CREATE INDEX points_lots_open ON points_lots(member_id, expires) WHERE remaining > 0;"
	"CREATE INDEX points_lots_expiring ON points_lots(expires)"
	"  WHERE remaining > 0 AND expires IS NOT NULL;"
	"CREATE TABLE points_alloc("
	"  entry_id INTEGER NOT NULL REFERENCES points_ledger(id),"
	"  lot_id   INTEGER NOT NULL REFERENCES points_lots(id),"
	"  amount   INTEGER NOT NULL CHECK (amount <> 0),"
	"  PRIMARY KEY (entry_id, lot_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX points_alloc_lot ON points_alloc(lot_id);"
	"CREATE TABLE birthday_gifts("
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  year      INTEGER NOT NULL,"
	"  entry_id  INTEGER NOT NULL REFERENCES points_ledger(id),"
	"  PRIMARY KEY (member_id, year)"
	") STRICT, WITHOUT ROWID;"

	/* Stored value: principal (what the customer paid in) and bonus
	 * (what the shop gave) move separately. */
	"CREATE TABLE wallet_ledger("
	"  id        INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  at        TEXT NOT NULL,"
	"  kind      TEXT NOT NULL CHECK (kind IN ('recharge', 'spend', 'refund', 'void',"
	"            'import', 'merge')),"
	"  principal INTEGER NOT NULL,"
	"  bonus     INTEGER NOT NULL,"
	"  sale_id   INTEGER REFERENCES sales(id),"
	"  payment   TEXT,"
	"  reason    TEXT NOT NULL DEFAULT '',"
	"  operator  TEXT NOT NULL,"
	"  CHECK (principal <> 0 OR bonus <> 0)"
	") STRICT;"
	"CREATE INDEX wallet_ledger_member ON wallet_ledger(member_id, id);"
	"CREATE INDEX wallet_ledger_sale ON wallet_ledger(sale_id) WHERE sale_id IS NOT NULL;";

/* 3: migration day.  Each imported file is remembered by its SHA-256 so
 * that running the same import again is recognised and refused, and
 * imported sales and opening balances say which file they came from. */
static const char migration_3[] =
	"CREATE TABLE imports("
	"  id       INTEGER PRIMARY KEY,"
	"  kind     TEXT NOT NULL CHECK (kind IN ('members', 'sales', 'points', 'wallet')),"
	"  sha256   TEXT NOT NULL,"
	"  file     TEXT NOT NULL,"
	"  at       TEXT NOT NULL,"
	"  operator TEXT NOT NULL,"
	"  rows     INTEGER NOT NULL,"
	"  inserted INTEGER NOT NULL,"
	"  updated  INTEGER NOT NULL,"
	"  skipped  INTEGER NOT NULL,"
	"  rejected INTEGER NOT NULL,"
	"  UNIQUE (kind, sha256)"
	") STRICT;"
	"ALTER TABLE sales ADD COLUMN import_id INTEGER REFERENCES imports(id);"
	"ALTER TABLE points_ledger ADD COLUMN import_id INTEGER REFERENCES imports(id);"
	"ALTER TABLE wallet_ledger ADD COLUMN import_id INTEGER REFERENCES imports(id);";

/* 4: reports.  The weekly report shows how members moved between RFM
 * segments, so each week's picture is kept: rfm_weeks says a week was
 * taken (and how many members had no purchase then), rfm_snapshots holds
 * one row per scored member.  Scoring a million members reads every
 * counted sale: sales_counted covers that read (member, day, what was
 * paid, promotion) without touching the table, and only for the sales
 * that count.  voided_at, NULL in every entry, is there because SQLite
 * reads the table for a column the query names unless the index holds
 * it.  The weekly totals read the ledgers by time. */
static const char migration_4[] =
	"CREATE TABLE rfm_weeks("
	"  week        TEXT PRIMARY KEY,"
	"  taken_at    TEXT NOT NULL,"
	"  window_days INTEGER NOT NULL CHECK (window_days > 0),"
	"  scored      INTEGER NOT NULL CHECK (scored >= 0),"
	"  no_purchase INTEGER NOT NULL CHECK (no_purchase >= 0)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE rfm_snapshots("
	"  week      TEXT NOT NULL REFERENCES rfm_weeks(week),"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  segment   TEXT NOT NULL CHECK (segment IN ('important_value',"
	"            'important_develop', 'important_keep', 'important_winback',"
	"            'general_value', 'general_develop', 'general_keep', 'general_winback')),"
	"  recency   INTEGER NOT NULL CHECK (recency >= 0),"
	"  frequency INTEGER NOT NULL CHECK (frequency > 0),"
	"  monetary  INTEGER NOT NULL CHECK (monetary >= 0),"
	"  r         INTEGER NOT NULL CHECK (r BETWEEN 1 AND 5),"
	"  f         INTEGER NOT NULL CHECK (f BETWEEN 1 AND 5),"
	"  m         INTEGER NOT NULL CHECK (m BETWEEN 1 AND 5),"
	"  PRIMARY KEY (week, member_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX sales_counted ON sales(member_id, sold_at, paid, promo, voided_at)"
	"  WHERE voided_at IS NULL AND member_id IS NOT NULL;"
	"CREATE INDEX points_ledger_at ON points_ledger(at);"
	"CREATE INDEX wallet_ledger_at ON wallet_ledger(at);";

/* 5: trust.  A card made of digits (and dashes) can read as a phone
 * number; member_check_phone_not_card() looks a phone's spellings up in
 * this index of cards without their dashes. */
static const char migration_5[] =
	"CREATE INDEX members_card_digits ON members(replace(card, '-', ''));";

/* 6: coupon campaigns.  A campaign is the offer and its rules; a coupon
 * is one member's copy of it, with its own code and the days it may be
 * used (fixed when issued).  The money a coupon takes off a sale is the
 * sale's coupon_discount (the sum of its coupons' discount).  period
 * keys the automatic coupons (the year of a birthday, the week of a
 * win-back, the tier of an upgrade), so that none comes twice. */
static const char migration_6[] =
	"CREATE TABLE campaigns("
	"  id          INTEGER PRIMARY KEY,"
	"  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  kind        TEXT NOT NULL CHECK (kind IN ('cash', 'percent', 'voucher', 'gift')),"
	"  value       INTEGER NOT NULL CHECK (value >= 0),"
	"  gift        TEXT NOT NULL DEFAULT '',"
	"  min_spend   INTEGER NOT NULL DEFAULT 0 CHECK (min_spend >= 0),"
	"  cap         INTEGER NOT NULL DEFAULT 0 CHECK (cap >= 0),"
	"  valid_from  TEXT,"
	"  valid_to    TEXT,"
	"  valid_days  INTEGER CHECK (valid_days > 0),"
	"  not_on      TEXT NOT NULL DEFAULT '',"
	"  per_member  INTEGER NOT NULL DEFAULT 1 CHECK (per_member > 0),"
	"  total       INTEGER CHECK (total > 0),"
	"  points      INTEGER CHECK (points > 0),"
	"  target      TEXT NOT NULL DEFAULT 'all',"
	"  no_blacklist INTEGER NOT NULL DEFAULT 0 CHECK (no_blacklist IN (0, 1)),"
	"  status      TEXT NOT NULL CHECK (status IN ('draft', 'active', 'ended')),"
	"  created_at  TEXT NOT NULL,"
	"  operator    TEXT NOT NULL,"
	"  CHECK ((valid_days IS NULL) <> (valid_to IS NULL))"
	") STRICT;"
	"CREATE TABLE campaign_members("
	"  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),"
	"  member_id   INTEGER NOT NULL REFERENCES members(id),"
	"  PRIMARY KEY (campaign_id, member_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE coupons("
	"  id          INTEGER PRIMARY KEY,"
	"  code        TEXT NOT NULL UNIQUE,"
	"  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),"
	"  member_id   INTEGER NOT NULL REFERENCES members(id),"
	"  how         TEXT NOT NULL CHECK (how IN ('issue', 'give', 'buy', 'welcome',"
	"              'birthday', 'upgrade', 'winback')),"
	"  period      TEXT,"
	"  status      TEXT NOT NULL CHECK (status IN ('issued', 'redeemed', 'expired', 'revoked')),"
	"  issued_at   TEXT NOT NULL,"
	"  valid_from  TEXT NOT NULL,"
	"  expires     TEXT NOT NULL,"
	"  tier_id     INTEGER REFERENCES tiers(id),"
	"  segment     TEXT,"
	"  points_entry INTEGER REFERENCES points_ledger(id),"
	"  sale_id     INTEGER REFERENCES sales(id),"
	"  discount    INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),"
	"  ended_at    TEXT,"
	"  reason      TEXT NOT NULL DEFAULT '',"
	"  operator    TEXT NOT NULL,"
	"  CHECK ((status = 'redeemed') = (sale_id IS NOT NULL))"
	") STRICT;"
	"CREATE INDEX coupons_member ON coupons(member_id, status);"
	"CREATE INDEX coupons_campaign ON coupons(campaign_id, member_id);"
	"CREATE INDEX coupons_sale ON coupons(sale_id) WHERE sale_id IS NOT NULL;"
	"CREATE INDEX coupons_due ON coupons(expires) WHERE status = 'issued';"
	"CREATE UNIQUE INDEX coupons_period ON coupons(campaign_id, member_id, how, period)"
	"  WHERE period IS NOT NULL;"
	"CREATE TABLE coupon_rules("
	"  rule        TEXT PRIMARY KEY CHECK (rule IN ('welcome', 'birthday', 'upgrade', 'winback')),"
	"  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),"
	"  days        INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0)"
	") STRICT, WITHOUT ROWID;";

/* 7: operators with roles and PINs; the audit log chained by hashes and
 * closed to changes (only its hash may be filled in, once). */
static const char migration_7[] =
	"CREATE TABLE operators("
	"  id          INTEGER PRIMARY KEY,"
	"  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  role        TEXT NOT NULL CHECK (role IN ('owner', 'staff')),"
	"  pin_hash    TEXT NOT NULL,"
	"  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
	"  failures    INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),"
	"  locked_until TEXT,"
	"  created_at  TEXT NOT NULL"
	") STRICT;"
	"ALTER TABLE audit ADD COLUMN hash TEXT;"
	"CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit"
	"  WHEN old.hash IS NOT NULL OR new.id IS NOT old.id OR new.at IS NOT old.at"
	"    OR new.operator IS NOT old.operator OR new.action IS NOT old.action"
	"    OR new.member_id IS NOT old.member_id OR new.old IS NOT old.old"
	"    OR new.new IS NOT old.new "
	"BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
	"BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;"
	"INSERT OR IGNORE INTO settings(key, value)"
	"  VALUES ('database_id', lower(hex(randomblob(16))));";

/* 8: each time a sale's receipt went to a printer, so that a print after
 * the first says it is a copy.  Append-only, like the ledgers. */
static const char migration_8[] =
	"CREATE TABLE receipt_prints("
	"  id          INTEGER PRIMARY KEY,"
	"  sale_id     INTEGER NOT NULL REFERENCES sales(id),"
	"  at          TEXT NOT NULL,"
	"  mode        TEXT NOT NULL CHECK (mode IN ('text', 'pdf', 'escpos')),"
	"  operator    TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX receipt_prints_sale ON receipt_prints(sale_id);";

/* 9: the end of a shift reads a window of time: what was voided, topped
 * up and refunded in it, and where the last shift ended. */
static const char migration_9[] =
	"CREATE INDEX sales_voided ON sales(voided_at) WHERE voided_at IS NOT NULL;"
	"CREATE INDEX audit_shift ON audit(id) WHERE action = 'shift.report';";

/* 10: the first screenful of a one- or two-character name search without
 * sorting every member who has that character: whole names, and names
 * by their first character in id order (member_find). */
static const char migration_10[] =
	"CREATE INDEX members_name ON members(name);"
	"CREATE INDEX members_name_head ON members(substr(name, 1, 1));";

/* 11: a weekly snapshot is written a few thousand rows per transaction
 * (rfm_week.c), so that a sale never waits long behind it: writer names
 * who is writing a week's rows, and only a week whose writer is NULL is
 * complete and read.  The weeks stored before were written whole.
 * rfm_week_segments keeps how many members each segment of a week had,
 * written with its last transaction: the weekly report counted a
 * week's rows twice (this week and the one before), 740k rows each at
 * a million members.  sales_week covers what the weekly report reads of two weeks' sales
 * (its figures, the days, the coupons' sales): through sales_time each
 * of those rows was a read of the table, at 1M members / 10M sales 2 s
 * of the report's 5.4 s CPU; the sales that count are the ones not
 * voided, so the index holds only those. */
static const char migration_11[] =
	"ALTER TABLE rfm_weeks ADD COLUMN writer TEXT;"
	"CREATE TABLE rfm_week_segments("
	"  week      TEXT NOT NULL REFERENCES rfm_weeks(week),"
	"  segment   TEXT NOT NULL,"
	"  members   INTEGER NOT NULL CHECK (members > 0),"
	"  PRIMARY KEY (week, segment)"
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO rfm_week_segments(week, segment, members)"
	"  SELECT week, segment, count(*) FROM rfm_snapshots GROUP BY week, segment;"
	"CREATE INDEX sales_week ON sales(sold_at, paid, member_id,"
	"  wallet_principal, wallet_bonus) WHERE voided_at IS NULL;";

/* 12: which coupons a sale took, and what each took off, kept when the
 * sale is voided (the coupon itself then goes back to its member and
 * forgets the sale).  Append-only, like the ledgers; the coupons used
 * by live sales until now are its first rows. */
static const char migration_12[] =
	"CREATE TABLE sale_coupons("
	"  sale_id     INTEGER NOT NULL REFERENCES sales(id),"
	"  coupon_id   INTEGER NOT NULL REFERENCES coupons(id),"
	"  discount    INTEGER NOT NULL CHECK (discount >= 0),"
	"  PRIMARY KEY (sale_id, coupon_id)"
	") STRICT, WITHOUT ROWID;"
	"INSERT INTO sale_coupons(sale_id, coupon_id, discount)"
	"  SELECT sale_id, id, discount FROM coupons WHERE sale_id IS NOT NULL;";

static const char *const migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof *migrations))

int
migrate_latest(void)
{
	return N_MIGRATIONS;
}

static int
apply(struct md *md, int version)
{
	char sql[80];
	int64_t current;
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = db_int(md, "PRAGMA user_version", &current)))
		goto out;
	if (current >= version)
		goto out;
	if ((rc = db_exec(md, migrations[version - 1])))
		goto out;
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
		 DB_APPLICATION_ID, version);
	rc = db_exec(md, sql);
out:
	if (rc && rc != MD_ECONFLICT) {
		char why[sizeof md->err];

		snprintf(why, sizeof why, "%s", md->err);
		md_fail(md, rc, _("cannot upgrade the database to schema %d: %s"),
			version, why);
	}
	return db_end(md, rc);
}

int
migrate_run(struct md *md)
{
	int64_t version;
	int rc, v;

	if ((rc = db_int(md, "PRAGMA user_version", &version)))
		return rc;
	for (v = (int)version + 1; v <= N_MIGRATIONS; v++)
		if ((rc = apply(md, v)))
			return rc;
	/* A new shop speaks the language, and counts in the money, of the
	 * place that opened it; a shop that exists keeps what it has. */
	if (version == 0 && !md->readonly &&
	    ((rc = tier_name_new_shop(md)) || (rc = money_new_shop(md))))
		return rc;
	/* The rows written before the chain existed join it now, once. */
	if (version < 7 && !md->readonly)
		return audit_seal_all(md);
	return MD_OK;
}
