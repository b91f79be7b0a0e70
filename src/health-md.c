/* health-md.c - the health report in words: a level's explanation,
 * sparklines, and the report as Markdown for the Health panel, `copse
 * health` and `copse health --markdown`.  Pure: no store, no curses; the
 * numbers come from health.c.  See health.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/health.h"
#include "copse/md.h"
#include "copse/util.h"

static const char *const stages[] = { MEMBER_STATUSES };

/* ---- a level explained ---- */

/* Whole days from iso back from at (-1 when either cannot be read). */
static int days_ago(const char *iso, const char *at)
{
	time_t x, t;

	if (!iso || !at || time_parse(iso, &x) != 0 || time_parse(at, &t) != 0)
		return -1;
	return x > t ? 0 : (int)((t - x) / 86400);
}

/* "3 notes" / "1 note". */
static void count_of(struct buf *b, int n, const char *one, const char *many)
{
	buf_printf(b, "%d %s", n, n == 1 ? one : many);
}

/* Append ", " unless b is at the start of the list (len == start). */
static void sep(struct buf *b, size_t start)
{
	if (b->len > start)
		buf_puts(b, ", ");
}

/* "5 days ago", "today", "yesterday". */
static void ago(struct buf *b, int days)
{
	if (days <= 0)
		buf_puts(b, "today");
	else if (days == 1)
		buf_puts(b, "yesterday");
	else
		buf_printf(b, "%d days ago", days);
}

/* What was contributed in the window: "wrote 3 notes and 1 entry". */
static void contributions(struct buf *b, const struct health_level *l)
{
	size_t start = b->len;

	if (l->attended) {
		buf_printf(b, "attended %d of %d meeting%s", l->attended, l->held,
			   l->held == 1 ? "" : "s");
	}
	if (l->notes) {
		sep(b, start);
		count_of(b, l->notes, "note", "notes");
	}
	if (l->entries) {
		sep(b, start);
		count_of(b, l->entries, "entry", "entries");
	}
	if (l->topics) {
		sep(b, start);
		count_of(b, l->topics, "topic raised", "topics raised");
	}
	if (l->intros) {
		sep(b, start);
		count_of(b, l->intros, "introduction", "introductions");
	}
}

/* The latest thing other than reading within the year: what and when. */
static const char *latest_act(const struct health_level *l, const char **what)
{
	const struct { const char *iso, *what; } acts[] = {
		{ l->last_attended, "attended" }, { l->last_note, "wrote a note" },
		{ l->last_entry, "wrote an entry" }, { l->last_topic, "raised a topic" },
		{ l->last_intro, "made an introduction" },
	};
	const char *best = NULL;

	*what = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(acts); i++)
		if (acts[i].iso && (!best || strcmp(acts[i].iso, best) > 0)) {
			best = acts[i].iso;
			*what = acts[i].what;
		}
	return best;
}

void health_explain(const struct health_level *l, int window, const char *at,
		    char *out, size_t n)
{
	struct buf b;
	size_t start;
	const char *what, *last;

	buf_init(&b);
	buf_printf(&b, "%s: ", health_level_name(l->level));
	start = b.len;
	switch (l->level) {
	case LEVEL_CORE:
		if (strcmp(l->role, "member") != 0)
			buf_puts(&b, strcmp(l->role, "core") == 0 ? "in the core group" : l->role);
		if (l->attended) {
			sep(&b, start);
			buf_printf(&b, "attended %d of %d meeting%s in the last %d days",
				   l->attended, l->held, l->held == 1 ? "" : "s", window);
		}
		break;
	case LEVEL_ACTIVE:
		contributions(&b, l);
		buf_printf(&b, " in the last %d days", window);
		break;
	case LEVEL_PERIPHERAL:
		if ((last = latest_act(l, &what)) != NULL) {
			if (strcmp(what, "attended") == 0)
				buf_puts(&b, "last attended ");
			else
				buf_printf(&b, "last %s ", what);
			ago(&b, days_ago(last, at));
		}
		if (l->reads_month) {
			sep(&b, start);
			buf_printf(&b, "read %d entr%s this month", l->reads_month,
				   l->reads_month == 1 ? "y" : "ies");
		} else if (l->reads) {
			sep(&b, start);
			buf_printf(&b, "read %d entr%s in the last %d days", l->reads,
				   l->reads == 1 ? "y" : "ies", window);
		} else if (l->last_read && !last) {
			buf_puts(&b, "last read an entry ");
			ago(&b, days_ago(l->last_read, at));
		}
		break;
	default:
		buf_printf(&b, "nothing in the last %d days", HEALTH_YEAR_DAYS);
		if (!l->handle)
			buf_puts(&b, " (no login handle: only attendance counts)");
		break;
	}
	snprintf(out, n, "%s", b.s ? b.s : "");
	buf_done(&b);
}

/* ---- sparklines ---- */

void health_spark(const int *v, int n, int ascii, char *out, size_t len)
{
	static const char *const blocks[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char ramp[] = "_.-:=+*#";
	int max = 0;
	size_t o = 0;

	if (len)
		out[0] = '\0';
	for (int i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (int i = 0; i < n; i++) {
		int k = max > 0 && v[i] > 0 ? (v[i] * 7 + max - 1) / max : 0;
		const char *s;
		char one[2];

		if (k > 7)
			k = 7;
		if (ascii) {
			one[0] = ramp[k];
			one[1] = '\0';
			s = one;
		} else {
			s = blocks[k];
		}
		if (o + strlen(s) + 1 > len)
			break;
		memcpy(out + o, s, strlen(s) + 1);
		o += strlen(s);
	}
}

/* ---- the report ---- */

static void put_name(struct buf *md, const char *name, const char *kind, int64_t id, int flags)
{
	if (flags & HEALTH_MD_LINKS)
		md_put_link(md, name, kind, id);
	else
		md_put_text(md, name);
}

static int percent(int part, int whole)
{
	return whole > 0 ? (part * 100 + whole / 2) / whole : 0;
}

static const char *arrow(int flags)
{
	return flags & HEALTH_MD_ASCII ? "->" : "→";
}

/* The usual shape of a community (Wenger, McDermott & Snyder 2002). */
static const struct { int lo, hi; } usual[LEVEL_COUNT] = HEALTH_USUAL;

static void part_participation(const struct health_report *r, int flags,
			       const struct health_level *lv, size_t nlv, struct buf *md)
{
	buf_puts(md, "## Participation\n\n");
	if (!r->members) {
		buf_puts(md, "No members with a level yet.\n\n");
		return;
	}
	buf_printf(md, "%d member%s with a level, over the last %d days:\n\n", r->members,
		   r->members == 1 ? "" : "s", r->window);
	for (int i = 0; i < LEVEL_COUNT; i++) {
		int p = percent(r->mix[i], r->members);

		buf_printf(md, "- %s: %d (%d %%)", health_level_name(i), r->mix[i], p);
		if (usual[i].hi) {
			buf_printf(md, ", usual %d%s%d %%", usual[i].lo,
				   flags & HEALTH_MD_ASCII ? "-" : "–", usual[i].hi);
			if (p < usual[i].lo)
				buf_puts(md, ", **below**");
			else if (p > usual[i].hi)
				buf_puts(md, ", **above**");
		}
		buf_putc(md, '\n');
	}
	buf_putc(md, '\n');
	for (size_t i = 0; i < nlv; i++) {
		char why[256];
		const char *colon;

		if (i == 0 || lv[i].level != lv[i - 1].level)
			buf_printf(md, "%s### %c%s\n\n", i ? "\n" : "",
				   health_level_name(lv[i].level)[0] - 32,
				   health_level_name(lv[i].level) + 1);
		health_explain(&lv[i], r->window, r->at, why, sizeof why);
		colon = strstr(why, ": ");
		buf_puts(md, "- ");
		put_name(md, lv[i].name, "member", lv[i].id, flags);
		buf_puts(md, ": ");
		md_put_text(md, colon ? colon + 2 : why);
		buf_putc(md, '\n');
	}
	if (nlv)
		buf_putc(md, '\n');
}

/* "- label: ▂▃▅ (3 to 9)". */
static void trend(struct buf *md, const char *label, const int *v, int n, int flags)
{
	char spark[HEALTH_SPARK * 4 + 1];
	int lo = n ? v[0] : 0, hi = lo;

	for (int i = 1; i < n; i++) {
		if (v[i] < lo)
			lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	health_spark(v, n, flags & HEALTH_MD_ASCII, spark, sizeof spark);
	buf_printf(md, "- %s: `%s` (%d", label, spark, lo);
	if (hi != lo)
		buf_printf(md, " to %d", hi);
	buf_puts(md, ")\n");
}

static void part_trends(const struct health_report *r, int flags, struct buf *md)
{
	buf_puts(md, "## Trends\n\n");
	if (r->nmeet) {
		char what[96];

		snprintf(what, sizeof what, "attendance at the last %d meeting%s", r->nmeet,
			 r->nmeet == 1 ? "" : "s");
		trend(md, what, r->attend, r->nmeet, flags);
	} else {
		buf_puts(md, "- attendance: no meeting held yet\n");
	}
	trend(md, "active members a month", r->active_month, HEALTH_SPARK, flags);
	trend(md, "new entries a month", r->entries_month, HEALTH_SPARK, flags);
	buf_printf(md, "\nMonths %s to %s, the last on the right.\n\n", r->month[0],
		   r->month[HEALTH_SPARK - 1]);
}

static void part_funnel(const struct health_report *r, int flags, struct buf *md)
{
	buf_puts(md, "## Recruitment\n\n");
	buf_printf(md, "Members who reached each stage, %s %s %s %s %s %s %s (in brackets: in"
		   " the last %d days):\n\n", stages[0], arrow(flags), stages[1], arrow(flags),
		   stages[2], arrow(flags), stages[3], r->window);
	for (size_t i = 0; i < ARRAY_SIZE(stages); i++) {
		buf_printf(md, "- %s: %d (+%d)", stages[i], r->reached[i], r->reached_window[i]);
		if (i && i < 3 && r->reached[i - 1])
			buf_printf(md, ", %d %% of those before", percent(r->reached[i],
									  r->reached[i - 1]));
		buf_putc(md, '\n');
	}
	buf_printf(md, "\nNow: %d prospect%s, %d invited, %d active, %d alumni.\n\n",
		   r->at_stage[0], r->at_stage[0] == 1 ? "" : "s", r->at_stage[1], r->at_stage[2],
		   r->at_stage[3]);
}

static void part_meetings(const struct health_report *r, int flags, struct buf *md)
{
	char when[32];

	buf_puts(md, "## Meetings\n\n");
	buf_printf(md, "- %d held in the last %d days", r->held_window, r->window);
	if (r->gap_days >= 0)
		buf_printf(md, ", every %d day%s on average", r->gap_days, r->gap_days == 1 ? "" : "s");
	buf_putc(md, '\n');
	if (r->last_days >= 0) {
		buf_puts(md, "- last held ");
		ago(md, r->last_days);
		buf_putc(md, '\n');
	}
	if (r->next_id) {
		time_local(r->next_starts, "%Y-%m-%d %H:%M", when, sizeof when);
		buf_puts(md, "- next: ");
		put_name(md, r->next_title, "meeting", r->next_id, flags);
		buf_printf(md, " on %s\n", when);
	} else {
		buf_puts(md, "- next: none planned\n");
	}
	buf_putc(md, '\n');
}

static void part_actions(const struct health_report *r, struct buf *md)
{
	buf_puts(md, "## Actions\n\n");
	buf_printf(md, "- %d open, %d overdue\n\n", r->open_actions, r->overdue);
}

static void part_topics(const struct health_report *r, int flags, struct buf *md)
{
	buf_puts(md, "## Waiting topics\n\n");
	if (!r->nwaiting_total) {
		buf_printf(md, "No topic has waited %d days for a meeting or an entry.\n\n",
			   HEALTH_WAIT_DAYS);
		return;
	}
	buf_printf(md, "%d topic%s open for %d days or more with no meeting or entry linked:\n\n",
		   r->nwaiting_total, r->nwaiting_total == 1 ? "" : "s", HEALTH_WAIT_DAYS);
	for (size_t i = 0; i < r->nwaiting; i++) {
		buf_puts(md, "- ");
		put_name(md, r->waiting[i].title, "topic", r->waiting[i].id, flags);
		buf_printf(md, ", %d vote%s, %d days\n", r->waiting[i].votes,
			   r->waiting[i].votes == 1 ? "" : "s", r->waiting[i].days);
	}
	if ((size_t)r->nwaiting_total > r->nwaiting)
		buf_printf(md, "- and %zu more\n", (size_t)r->nwaiting_total - r->nwaiting);
	buf_putc(md, '\n');
}

static void part_moves(const struct health_report *r, int flags, struct buf *md)
{
	if (r->since[0])
		buf_printf(md, "## Level moves since the assessment of %s\n\n", r->since);
	else
		buf_printf(md, "## Level moves in the last %d days\n\n", r->window);
	if (!r->moved_total) {
		buf_puts(md, "Nobody moved.\n\n");
		return;
	}
	for (size_t i = 0; i < r->nmoves; i++) {
		const struct health_move *m = &r->moves[i];

		buf_puts(md, "- ");
		put_name(md, m->name, "member", m->id, flags);
		buf_printf(md, ": %s %s %s\n", m->from < 0 ? "new" : health_level_name(m->from),
			   arrow(flags), m->to < 0 ? "no level" : health_level_name(m->to));
	}
	if ((size_t)r->moved_total > r->nmoves)
		buf_printf(md, "- and %zu more\n", (size_t)r->moved_total - r->nmoves);
	buf_putc(md, '\n');
}

/* "3 (was 2)", "3 (same)", or just "3". */
static void versus(struct buf *md, const char *label, int now, int then, int has_then)
{
	buf_printf(md, "- %s: %d", label, now);
	if (has_then)
		buf_printf(md, now == then ? " (same)" : " (was %d)", then);
	buf_putc(md, '\n');
}

int health_assessment_markdown(const struct assessment *a, const struct assessment *prev,
			       int flags, struct buf *md)
{
	int p = prev && prev->id, pm = p && prev->m.valid;
	size_t before = md->len;

	(void)flags;
	buf_puts(md, "Recorded by ");
	md_put_text(md, a->author);
	buf_printf(md, " on %s", a->day);
	if (p)
		buf_printf(md, ", compared with %s", prev->day);
	buf_puts(md, ".\n\n");
	versus(md, "domain", a->domain, p ? prev->domain : 0, p);
	versus(md, "community", a->community, p ? prev->community : 0, p);
	versus(md, "practice", a->practice, p ? prev->practice : 0, p);
	if (a->m.valid) {
		buf_puts(md, "\nThe community then:\n\n");
		versus(md, "members with a level", a->m.members, pm ? prev->m.members : 0, pm);
		versus(md, "core", a->m.core, pm ? prev->m.core : 0, pm);
		versus(md, "active", a->m.active, pm ? prev->m.active : 0, pm);
		versus(md, "meetings held", a->m.held, pm ? prev->m.held : 0, pm);
		versus(md, "entries", a->m.entries, pm ? prev->m.entries : 0, pm);
		versus(md, "overdue actions", a->m.overdue, pm ? prev->m.overdue : 0, pm);
		versus(md, "waiting topics", a->m.waiting, pm ? prev->m.waiting : 0, pm);
	}
	if (!str_empty(a->summary)) {
		buf_puts(md, "\n### Summary\n\n");
		md_put_text(md, a->summary);
		buf_putc(md, '\n');
	}
	if (a->nvs || !str_empty(a->stories))
		buf_puts(md, "\n### Value stories\n\n");
	for (size_t i = 0; i < a->nvs; i++) {
		buf_printf(md, "**%s:** ", a->vs[i].cycle);
		buf_puts(md, a->vs[i].body);
		buf_puts(md, "\n\n");
	}
	if (!str_empty(a->stories)) {
		buf_puts(md, a->stories);
		buf_putc(md, '\n');
	}
	buf_putc(md, '\n');
	return md->len > before && md->s ? 0 : -1;
}

static void part_assessment(const struct health_report *r, int flags, struct buf *md)
{
	buf_puts(md, "## Assessment\n\n");
	if (!r->last.id) {
		buf_puts(md, "No assessment recorded yet.\n\n");
		return;
	}
	health_assessment_markdown(&r->last, &r->previous, flags, md);
}

int health_markdown(const struct health_report *r, enum health_part part, int flags,
		    const struct health_level *levels, size_t nlevels, struct buf *md)
{
	size_t before = md->len;

	switch (part) {
	case HEALTH_PART_PARTICIPATION: part_participation(r, flags, levels, nlevels, md); break;
	case HEALTH_PART_TRENDS: part_trends(r, flags, md); break;
	case HEALTH_PART_FUNNEL: part_funnel(r, flags, md); break;
	case HEALTH_PART_MEETINGS: part_meetings(r, flags, md); break;
	case HEALTH_PART_ACTIONS: part_actions(r, md); break;
	case HEALTH_PART_TOPICS: part_topics(r, flags, md); break;
	case HEALTH_PART_MOVES: part_moves(r, flags, md); break;
	case HEALTH_PART_ASSESSMENT: part_assessment(r, flags, md); break;
	default:
		for (int p = 0; p < HEALTH_PART_ALL; p++)
			if (health_markdown(r, (enum health_part)p, flags, levels, nlevels, md) != 0)
				return -1;
		break;
	}
	return md->len > before && md->s ? 0 : -1;
}
