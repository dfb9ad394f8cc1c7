/* member_sql.h - the member query shared by the member_*.c files
 * (internal to core: faces use member.h) */
#ifndef MD_MEMBER_SQL_H
#define MD_MEMBER_SQL_H


#include "core/member.h"

/* Tags of member m, sorted, joined by ';'. */
#define MEMBER_TAGS_SQL \
	"(SELECT " SQL_GROUP_CONCAT("name", "';'") " FROM (SELECT t.name FROM member_tags mt" \
	"   JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = m.id" \
	"   ORDER BY t.name))"

/* Columns in the order member_from_row() reads them. */
#define MEMBER_SELECT_SQL \
	"SELECT m.id, m.card, m.phone, m.name, m.gender, m.birthday, m.joined," \
	"       r.card, r.name, m.status, g.card, " MEMBER_TAGS_SQL ", m.note," \
	"       m.tier_id, t.name, m.tier_since, m.points, m.wallet_principal," \
	"       m.wallet_bonus" \
	"  FROM members m" \
	"  LEFT JOIN members r ON r.id = m.referrer_id" \
	"  LEFT JOIN members g ON g.id = m.merged_into" \
	"  LEFT JOIN tiers t ON t.id = m.tier_id"

/* A member as a JSON object, for audit rows. */
#define MEMBER_JSON_COLUMN \
	SQL_JSON_OBJECT "('card', m.card, 'phone', m.phone, 'name', m.name," \
	"  'gender', m.gender, 'birthday', m.birthday, 'joined', m.joined," \
	"  'referrer', (SELECT card FROM members r WHERE r.id = m.referrer_id)," \
	"  'note', m.note, 'status', m.status," \
	"  'merged_into', (SELECT card FROM members g WHERE g.id = m.merged_into)," \
	"  'tags', " MEMBER_TAGS_SQL "," \
	"  'tier', (SELECT name FROM tiers t WHERE t.id = m.tier_id))"
#define MEMBER_JSON_SQL "SELECT " MEMBER_JSON_COLUMN "  FROM members m WHERE m.id = ?"

/* The audit row of a member who is new (nothing old), as audit_log_sql
 * takes it: the JSON made where it is stored, in one statement. */
#define MEMBER_AUDIT_NEW_SQL \
	"INSERT INTO audit(at, operator, action, member_id, old, new)" \
	" SELECT ?1, ?2, ?3, ?4, NULL, " MEMBER_JSON_COLUMN " FROM members m WHERE m.id = ?4"

void member_from_row(struct db_stmt *st, struct member *m);

#endif
