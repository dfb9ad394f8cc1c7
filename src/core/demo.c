/* demo.c - a made-up shop with the shape of a real one
 *
 * Every member draws from a random stream of its own (seed and member
 * number), so the members file and the sales file are written in two
 * passes that agree without keeping either in memory.  A member's share
 * of the visits comes from a rank (a seeded shuffle): the share falls
 * as 1/(rank + N/50), which gives the Pareto-like spend of real shops
 * (the top fifth makes about two thirds of the visits and, with bigger
 * baskets, most of the money) without one member owning the shop.
 * Only integers: money is fen, the shape needs no floating point.
 */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/demo.h"
#include "i18n.h"

/* Common surnames, the most common first (the draw favours the front). */
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
	"马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
	"唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
	"潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
	"任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
	"石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦",
	"邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎",
	"贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "欧阳", "司马",
};

static const char *const given[] = {
	"伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋",
	"勇", "艳", "杰", "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂",
	"华", "建", "国", "文", "辉", "力", "斌", "宇", "浩", "凯", "鹏", "晨",
	"欣", "怡", "婷", "雪", "琳", "晶", "玲", "燕", "红", "梅", "丹", "飞",
	"鑫", "波", "宁", "健", "亮", "俊", "峰", "帅", "林", "萍", "慧", "瑶",
	"琪", "佳", "颖", "倩", "子", "梓", "涵", "轩", "睿", "博", "然", "一",
	"诗", "雨", "思", "嘉", "晓", "海", "春", "志", "新", "金", "玉", "成",
	"荣", "东", "福", "德", "清", "云", "龙", "凤", "婉", "若", "欢", "乐",
};

struct weighted {
	const char *word;
	unsigned percent;
};

static const struct weighted categories[] = {
	{ "茶叶", 50 }, { "茶点", 25 }, { "茶具", 15 }, { "礼盒", 10 },
};
static const struct weighted payments[] = {
	{ "微信", 45 }, { "支付宝", 25 }, { "现金", 20 }, { "银行卡", 10 },
};
static const struct weighted genders[] = {
	{ "女", 52 }, { "男", 43 }, { "", 5 },
};

#define N_OF(a) (sizeof (a) / sizeof *(a))

/* splitmix64: small, fast and the same everywhere. */
static uint64_t
rnd(uint64_t *st)
{
	uint64_t z = (*st += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static uint64_t
below(uint64_t *st, uint64_t n)
{
	return n ? rnd(st) % n : 0;
}

/* The random stream of member I (or walk-in sale I), for purpose P. */
static uint64_t
stream(const struct demo_shape *s, int64_t i, unsigned p)
{
	uint64_t st = s->seed ^ ((uint64_t)i * 0xD1B54A32D192ED03ULL) ^ ((uint64_t)p << 56);

	rnd(&st);
	return st;
}

static const char *
pick(uint64_t *st, const struct weighted *w, size_t n)
{
	unsigned r = (unsigned)below(st, 100);
	size_t i;

	for (i = 0; i + 1 < n && r >= w[i].percent; i++)
		r -= w[i].percent;
	return w[i].word;
}

/* What both passes need to know of a member. */
struct trait {
	int64_t joined;		/* day number */
	int64_t visits;
	int64_t basket;		/* fen, a typical ticket */
};

struct plan {
	const struct demo_shape *s;
	uint32_t *rank;		/* of each member, a shuffle */
	int64_t buyers;		/* ranks below this buy */
	int64_t weights;	/* the sum of weight() over the buyers */
	int64_t member_sales, leftover;
	int64_t first_day, today;
	int64_t ticket;
};

static int64_t
weight(const struct plan *p, int64_t rank)
{
	return rank < p->buyers ? (1LL << 24) / (rank + 1 + p->s->members / 50) : 0;
}

static void
traits(const struct plan *p, int64_t i, struct trait *t)
{
	uint64_t st = stream(p->s, i, 0);
	int64_t r = p->rank[i], n = p->s->members, share;
	int level = (int)below(&st, 4) + (r < n / 10) + (r < n / 3);

	t->joined = p->today - 7 - (int64_t)below(&st, (uint64_t)(p->today - p->first_day + 365));
	share = p->weights ? p->member_sales * weight(p, r) / p->weights : 0;
	t->visits = share + (r < p->leftover);
	t->basket = 1000LL << level;
}

static int
plan_init(struct md *md, struct plan *p, const struct demo_shape *s)
{
	uint64_t st = stream(s, -1, 3);
	int64_t i, sum = 0;

	memset(p, 0, sizeof *p);
	p->s = s;
	p->today = date_to_days(s->today) - 1;	/* the last day with sales */
	p->first_day = p->today - 365LL * s->years + 1;
	if (!(p->rank = malloc((size_t)s->members * sizeof *p->rank)))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	for (i = 0; i < s->members; i++)
		p->rank[i] = (uint32_t)i;
	for (i = s->members - 1; i > 0; i--) {	/* Fisher-Yates */
		int64_t j = (int64_t)below(&st, (uint64_t)i + 1);
		uint32_t x = p->rank[i];

		p->rank[i] = p->rank[j];
		p->rank[j] = x;
	}
	p->buyers = s->members - s->members / 6;
	for (i = 0; i < p->buyers; i++)
		p->weights += weight(p, i);
	p->member_sales = s->sales - s->sales / 20;
	for (i = 0; i < p->buyers && p->weights; i++)
		sum += p->member_sales * weight(p, i) / p->weights;
	p->leftover = p->member_sales - sum;
	return MD_OK;
}

/* FEN rounded down to the shop's unit. */
static int64_t
in_units(const struct demo_shape *s, int64_t fen)
{
	return s->unit > 1 ? fen / s->unit * s->unit : fen;
}

static void
yuan(int64_t fen, char out[24])
{
	snprintf(out, 24, "%" PRId64 ".%02d", fen / 100, (int)(fen % 100));
}

static void
day_text(int64_t day, char out[11])
{
	date_format(date_from_days(day), out);
}

static int
put(struct md *md, FILE *fp, const char *const *f, size_t n)
{
	if (csvio_write_row(fp, f, NULL, n, ',', "\n") < 0)
		return md_fail(md, MD_EIO, _("cannot write the demo shop's files"));
	return MD_OK;
}

static void
member_name(uint64_t *st, char out[32])
{
	uint64_t u = below(st, 1024);
	size_t s = (size_t)(N_OF(surnames) * u * u / (1024 * 1024));

	strcpy(out, surnames[s]);
	strcat(out, given[below(st, N_OF(given))]);
	if (below(st, 10) < 7)
		strcat(out, given[below(st, N_OF(given))]);
}

static int
member_row(struct md *md, const struct plan *p, int64_t i, FILE *fp)
{
	static const char *const second = "3578935789";
	struct trait t;
	uint64_t st;
	char card[24], name[32], phone[16], birthday[11] = "", joined[11];
	char points[24], balance[24];
	const char *f[10];

	traits(p, i, &t);
	st = stream(p->s, i, 1);
	snprintf(card, sizeof card, "%08" PRId64, 10000000 + i);
	member_name(&st, name);
	/* Unique: the last nine digits are a bijection of the member number. */
	snprintf(phone, sizeof phone, "1%c%09" PRId64, second[i % 10],
		 (int64_t)(((uint64_t)i * 387420489u + 12345u) % 1000000000u));
	if (below(&st, 100) < 88)
		day_text(date_to_days((struct date){1955 + (int)below(&st, 52), 1, 1}) +
			 (int64_t)below(&st, 365), birthday);
	day_text(t.joined, joined);
	snprintf(points, sizeof points, "%" PRId64, t.visits ?
		 t.visits * t.basket / 100 * (10 + (int64_t)below(&st, 50)) / 100 :
		 below(&st, 10) < 3 ? (int64_t)below(&st, 500) : 0);
	if (below(&st, 4) == 0)
		yuan(in_units(p->s, (1 + (int64_t)below(&st, 20)) * 5000 - (int64_t)below(&st, 4000)),
		     balance);
	else
		strcpy(balance, "0");
	f[0] = card, f[1] = name, f[2] = phone, f[3] = pick(&st, genders, N_OF(genders));
	f[4] = birthday, f[5] = joined, f[6] = points, f[7] = balance;
	f[8] = below(&st, 50) == 0 ? "冻结" : "正常";
	f[9] = below(&st, 50) == 0 ? "老客, 爱喝\"铁观音\"" : "";
	return put(md, fp, f, 10);
}

/* Shopping festivals and about one day in twenty. */
static bool
promo_day(int64_t day)
{
	struct date d = date_from_days(day);

	return (d.m == 11 && d.d == 11) || (d.m == 6 && d.d == 18) ||
	       (d.m == 12 && d.d == 12) || ((uint64_t)day * 2654435761u >> 7) % 20 == 0;
}

static int
sale_row(struct md *md, struct plan *p, uint64_t *st, const char *card,
	 int64_t day, int64_t basket, FILE *fp)
{
	char ticket[24], at[20], amount[24];
	const char *f[7];
	int64_t fen, minute;
	bool promo;

	/* Some shoppers wait a day or two for a promotion. */
	if (!promo_day(day) && below(st, 2) == 0)
		for (int k = 1; k <= 2 && day + k <= p->today; k++)
			if (promo_day(day + k)) {
				day += k;
				break;
			}
	promo = promo_day(day) && below(st, 10) < 7;
	fen = basket * (50 + (int64_t)below(st, 101)) / 100;
	fen = fen / 100 * 100 + (below(st, 4) == 0 ? 50 : 0);
	if (promo)
		fen = fen * 8 / 10 / 10 * 10;
	fen = in_units(p->s, fen);
	if (fen < 100)
		fen = 100;
	minute = 9 * 60 + (int64_t)below(st, 12 * 60);
	snprintf(ticket, sizeof ticket, "S%09" PRId64, ++p->ticket);
	day_text(day, at);
	snprintf(at + 10, sizeof at - 10, " %02d:%02d:%02d", (int)(minute / 60),
		 (int)(minute % 60), (int)below(st, 60));
	yuan(fen, amount);
	f[0] = ticket, f[1] = card, f[2] = at, f[3] = amount;
	f[4] = pick(st, categories, N_OF(categories));
	f[5] = promo ? "是" : "否";
	f[6] = pick(st, payments, N_OF(payments));
	return put(md, fp, f, 7);
}

/* Member I's visits: gaps of irregular length (now and then a long
 * absence), scaled into the days between joining (or the first day of
 * sales) and today, or an earlier last visit for one buyer in three. */
static int
member_sales(struct md *md, struct plan *p, int64_t i, FILE *fp)
{
	struct trait t;
	uint64_t st = stream(p->s, i, 2);
	int64_t start, end, span, total = 0, cum = 0, k;
	char card[24];
	int rc = MD_OK;

	traits(p, i, &t);
	if (t.visits == 0)
		return MD_OK;
	start = t.joined > p->first_day ? t.joined : p->first_day;
	end = p->today;
	if (below(&st, 3) == 0)
		end = start + (end - start) * (20 + (int64_t)below(&st, 70)) / 100;
	span = end - start;
	snprintf(card, sizeof card, "%08" PRId64, 10000000 + i);
	/* Two draws of the same stream: the gaps' total first, then again. */
	for (uint64_t s2 = st, k2 = 0; k2 <= (uint64_t)t.visits; k2++)
		total += (4 + (int64_t)below(&s2, 8)) * (below(&s2, 8) == 0 ? 4 : 1);
	for (k = 0; k < t.visits && rc == MD_OK; k++) {
		uint64_t ss;

		cum += (4 + (int64_t)below(&st, 8)) * (below(&st, 8) == 0 ? 4 : 1);
		ss = stream(p->s, i, 4) ^ (uint64_t)k;
		rc = sale_row(md, p, &ss, card, start + span * cum / total, t.basket, fp);
	}
	return rc;
}

/* Walk-ins: no card, any day, a small basket. */
static int
walk_ins(struct md *md, struct plan *p, int64_t upto, int64_t *done, FILE *fp)
{
	int rc = MD_OK;

	for (; *done < upto && rc == MD_OK; ++*done) {
		uint64_t st = stream(p->s, p->s->members + *done, 5);
		int64_t day = p->first_day + (int64_t)below(&st, (uint64_t)(p->today - p->first_day + 1));

		rc = sale_row(md, p, &st, "", day, 3000, fp);
	}
	return rc;
}

static int
check_shape(struct md *md, const struct demo_shape *s)
{
	if (s->members < 1 || s->members > DEMO_MAX_MEMBERS)
		return md_fail(md, MD_EINVAL, _("members must be 1 to %lld"),
			       (long long)DEMO_MAX_MEMBERS);
	if (s->sales < 0 || s->sales > DEMO_MAX_SALES)
		return md_fail(md, MD_EINVAL, _("sales must be 0 to %lld"),
			       (long long)DEMO_MAX_SALES);
	if (s->years < 1 || s->years > 10)
		return md_fail(md, MD_EINVAL, _("years must be 1 to 10"));
	return MD_OK;
}

int
demo_write(struct md *md, const struct demo_shape *s, FILE *members, FILE *sales)
{
	static const char *const mhead[] = { "卡号", "姓名", "手机", "性别", "生日",
		"注册日期", "当前积分", "卡内余额", "状态", "备注" };
	static const char *const shead[] = { "小票号", "卡号", "消费时间", "实收",
		"品类", "促销", "支付方式" };
	struct plan p;
	int64_t i, walked = 0, walkers;
	int rc;

	if ((rc = check_shape(md, s)) || (rc = plan_init(md, &p, s)))
		return rc;
	walkers = s->sales - p.member_sales;
	rc = put(md, members, mhead, N_OF(mhead));
	for (i = 0; i < s->members && rc == MD_OK; i++)
		rc = member_row(md, &p, i, members);
	if (rc == MD_OK)
		rc = put(md, sales, shead, N_OF(shead));
	for (i = 0; i < s->members && rc == MD_OK; i++)
		if ((rc = member_sales(md, &p, i, sales)) == MD_OK)
			rc = walk_ins(md, &p, walkers * (i + 1) / s->members, &walked, sales);
	free(p.rank);
	return rc;
}
