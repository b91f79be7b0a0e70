/* view-health.c - the Health panel: the participation mix against the
 * usual shape, trends as sparklines, the recruitment funnel, meeting
 * rhythm, actions, waiting topics, level moves and the last assessment,
 * each row previewed by its part of the report (health.h); and the
 * assessment form (A), a template in the editor.
 *
 * The report is counted once per load of the panel and kept for the
 * previews beside it; reading it never writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/assessment.h"
#include "copse/display.h"
#include "copse/health.h"
#include "copse/keys.h"
#include "copse/template.h"
#include "copse/view.h"

/* Members listed under a level in its preview. */
#define LEVEL_ROWS 100
/* A row's id: a part of the report (PART + 1), a level (LEVEL_ID +
 * level), or every level move (MOVES_ID: the panel lists the first
 * HEALTH_LIST_MAX, then "and N more"). */
#define LEVEL_ID 100
#define MOVES_ID 99

/* The report the panel shows, for the previews beside it. */
static struct health_report shown;
static int have_shown;

static int report_now(struct app *a)
{
	int st;

	if (have_shown)
		return COPSE_OK;
	health_report_done(&shown);
	if ((st = health_report(a->db, NULL, &shown)) == COPSE_OK)
		have_shown = 1;
	return st;
}

static int md_flags(void)
{
	return HEALTH_MD_LINKS | (display_ascii() ? HEALTH_MD_ASCII : 0);
}

/* ---- a part of the report, as the preview of its rows ---- */

static int health_doc(struct app *a, int64_t id, struct buf *md)
{
	struct health_level *lv = NULL;
	size_t n = 0;
	int st = report_now(a);

	if (st != COPSE_OK)
		return st;
	if (id == MOVES_ID) {
		struct health_report all;

		if ((st = health_report_moves(a->db, NULL, 0, &all)) == COPSE_OK &&
		    health_markdown(&all, HEALTH_PART_MOVES, md_flags(), NULL, 0, md) != 0)
			st = db_fail(a->db, COPSE_NOMEM, "out of memory");
		health_report_done(&all);
		return st;
	}
	if (id >= LEVEL_ID) {
		struct health_level_filter f = { NULL, 0, (int)(id - LEVEL_ID), LEVEL_ROWS, 0 };

		if ((st = health_levels(a->db, &f, &lv, &n)) != COPSE_OK)
			return st;
		id = HEALTH_PART_PARTICIPATION + 1;
	}
	if (id < 1 || id > HEALTH_PART_ALL)
		id = HEALTH_PART_ALL + 1;
	st = health_markdown(&shown, (enum health_part)(id - 1), md_flags(), lv, n, md) == 0
	     ? COPSE_OK : db_fail(a->db, COPSE_NOMEM, "out of memory");
	health_level_list_free(lv, n);
	return st;
}

const struct kind_ops kind_health = {
	.name = "health",
	.scope = KEYS_READER,
	.doc = health_doc,
};

/* ---- an assessment ---- */

static int assessment_doc(struct app *a, int64_t id, struct buf *md)
{
	struct assessment as, prev;
	int st;

	assessment_init(&prev);
	if ((st = assessment_get(a->db, id, &as)) != COPSE_OK)
		return st;
	/* the one recorded before it */
	if ((st = assessment_latest(a->db, as.created, 1, &prev)) == COPSE_NOTFOUND)
		st = COPSE_OK;
	if (st == COPSE_OK) {
		buf_printf(md, "# Assessment of %s\n\n", as.day);
		if (health_assessment_markdown(&as, &prev, md_flags(), md) != 0)
			st = db_fail(a->db, COPSE_NOMEM, "out of memory");
	}
	assessment_done(&as);
	assessment_done(&prev);
	return st;
}

static void r_init(void *r) { assessment_init(r); }
static void r_done(void *r) { assessment_done(r); }
static int r_get(struct db *db, int64_t id, void *r) { assessment_done(r); return assessment_get(db, id, r); }
static int r_format(const void *r, int hints, struct buf *b) { return template_format_assessment(r, hints, b); }
static int r_parse(const char *t, void *r, char *e, size_t n) { return template_parse_assessment(t, r, e, n); }
static int r_add(struct db *db, void *r) { return assessment_add(db, r); }
static int64_t r_id(const void *r) { return ((const struct assessment *)r)->id; }
static int r_version(const void *r) { (void)r; return 1; }
static const char *r_body(const void *r) { return ((const struct assessment *)r)->stories; }

/* An assessment is recorded once and kept as it was: never updated. */
static int r_update(struct db *db, void *r)
{
	return db_fail(db, COPSE_INVALID, "assessment %lld: an assessment is kept as recorded",
		       (long long)((struct assessment *)r)->id);
}

static const struct rec_ops assessment_rec = {
	sizeof(struct assessment), r_init, r_done, r_get, r_format,
	r_parse, r_add, r_update, r_id, r_version, NULL, NULL, r_body,
};

static int assessment_add_ui(struct app *a)
{
	struct assessment *as = malloc(sizeof *as);

	if (!as) {
		app_error(a, "out of memory");
		return VR_REDRAW;
	}
	assessment_init(as);
	return view_rec_add(a, &kind_assessment, as);
}

const struct kind_ops kind_assessment = {
	.name = "assessment",
	.scope = KEYS_READER,
	.doc = assessment_doc,
	.add = assessment_add_ui,
	.rec = &assessment_rec,
};

/* ---- the panel ---- */

static const struct { int lo, hi; } usual[LEVEL_COUNT] = HEALTH_USUAL;

static void row_part(struct view *v, const char *left, const char *right, int part)
{
	view_add_row(v, left, right, &kind_health, part + 1);
}

/* "attendance ▂▅▇" with "3–8" on the right. */
static void trend_row(struct view *v, const char *label, const int *vals, int n)
{
	char left[160], spark[HEALTH_SPARK * 4 + 1], right[32];
	int lo = n ? vals[0] : 0, hi = lo;

	for (int i = 1; i < n; i++) {
		lo = vals[i] < lo ? vals[i] : lo;
		hi = vals[i] > hi ? vals[i] : hi;
	}
	health_spark(vals, n, display_ascii(), spark, sizeof spark);
	snprintf(left, sizeof left, "%s %s", label, spark);
	if (lo == hi)
		snprintf(right, sizeof right, "%d", lo);
	else
		snprintf(right, sizeof right, "%d-%d", lo, hi);
	row_part(v, left, right, HEALTH_PART_TRENDS);
}

static const char *level_short(int level)
{
	return level < 0 ? "-" : health_level_name(level);
}

static void load_participation(struct view *v, const struct health_report *r)
{
	char title[64], left[64], right[32];

	snprintf(title, sizeof title, "Participation, %d days", r->window);
	view_add_section(v, title, 0);
	for (int i = 0; i < LEVEL_COUNT; i++) {
		int p = r->members ? (r->mix[i] * 100 + r->members / 2) / r->members : 0;

		if (usual[i].hi && (p < usual[i].lo || p > usual[i].hi))
			snprintf(left, sizeof left, "%s: %s %d-%d %%", health_level_name(i),
				 p < usual[i].lo ? "below" : "above", usual[i].lo, usual[i].hi);
		else if (usual[i].hi)
			snprintf(left, sizeof left, "%s (usual %d-%d %%)", health_level_name(i),
				 usual[i].lo, usual[i].hi);
		else
			snprintf(left, sizeof left, "%s", health_level_name(i));
		snprintf(right, sizeof right, "%d%s%d %%", r->mix[i], view_sep(), p);
		view_add_row(v, left, right, &kind_health, LEVEL_ID + i);
	}
}

static void load_funnel(struct view *v, const struct health_report *r)
{
	static const char *const stages[] = { MEMBER_STATUSES };
	char right[32];

	view_add_section(v, "Recruitment (reached, +new)", 0);
	for (size_t i = 0; i < ARRAY_SIZE(stages); i++) {
		snprintf(right, sizeof right, "%d (+%d)", r->reached[i], r->reached_window[i]);
		row_part(v, stages[i], right, HEALTH_PART_FUNNEL);
	}
}

static void load_meetings(struct view *v, const struct health_report *r)
{
	char left[96], right[32];

	view_add_section(v, "Meetings", 0);
	snprintf(left, sizeof left, "held in %d days", r->window);
	snprintf(right, sizeof right, "%d", r->held_window);
	row_part(v, left, right, HEALTH_PART_MEETINGS);
	if (r->gap_days >= 0) {
		snprintf(right, sizeof right, "%d", r->gap_days);
		row_part(v, "days between meetings", right, HEALTH_PART_MEETINGS);
	}
	if (r->next_id) {
		char when[32];

		view_time(r->next_starts, when, sizeof when);
		snprintf(left, sizeof left, "next: %s", r->next_title);
		view_add_row(v, left, when + (strlen(when) > 5 ? 5 : 0), &kind_meeting, r->next_id);
	} else {
		row_part(v, "next: none planned", NULL, HEALTH_PART_MEETINGS);
	}
}

static int health_load(struct app *a, struct view *v)
{
	const struct health_report *r = &shown;
	char title[96], right[32], left[256];
	int st;

	have_shown = 0;
	if ((st = report_now(a)) != COPSE_OK)
		return st;
	load_participation(v, r);
	view_add_section(v, "Trends", 0);
	trend_row(v, "attendance", r->attend, r->nmeet);
	trend_row(v, "active a month", r->active_month, HEALTH_SPARK);
	trend_row(v, "entries a month", r->entries_month, HEALTH_SPARK);
	load_funnel(v, r);
	load_meetings(v, r);

	view_add_section(v, "Actions", 0);
	snprintf(right, sizeof right, "%d", r->open_actions);
	row_part(v, "open", right, HEALTH_PART_ACTIONS);
	snprintf(right, sizeof right, "%d", r->overdue);
	row_part(v, "overdue", right, HEALTH_PART_ACTIONS);

	snprintf(title, sizeof title, "Waiting topics (%d)", r->nwaiting_total);
	view_add_section(v, title, 0);
	for (size_t i = 0; i < r->nwaiting; i++) {
		snprintf(right, sizeof right, "%d d", r->waiting[i].days);
		view_add_row(v, r->waiting[i].title, right, &kind_topic, r->waiting[i].id);
	}
	if (!r->nwaiting)
		row_part(v, "none waiting", NULL, HEALTH_PART_TOPICS);

	if (r->since[0])
		snprintf(title, sizeof title, "Moved since %.10s (%d)", r->since, r->moved_total);
	else
		snprintf(title, sizeof title, "Moved in %d days (%d)", r->window, r->moved_total);
	view_add_section(v, title, 0);
	for (size_t i = 0; i < r->nmoves; i++) {
		snprintf(left, sizeof left, "%s: %s %s %s", r->moves[i].name,
			 r->moves[i].from < 0 ? "new" : level_short(r->moves[i].from),
			 display_ascii() ? "->" : "→",
			 r->moves[i].to < 0 ? "alumni" : level_short(r->moves[i].to));
		view_add_row(v, left, NULL, &kind_member, r->moves[i].id);
	}
	if (!r->nmoves)
		row_part(v, "nobody moved", NULL, HEALTH_PART_MOVES);
	if ((size_t)r->moved_total > r->nmoves) {
		/* the rest, listed in its preview (Enter reads it) */
		snprintf(left, sizeof left, "and %zu more", (size_t)r->moved_total - r->nmoves);
		view_add_row(v, left, NULL, &kind_health, MOVES_ID);
	}

	view_add_section(v, "Assessment", 0);
	if (r->last.id) {
		snprintf(left, sizeof left, "last: %s", r->last.day);
		snprintf(right, sizeof right, "%d %d %d", r->last.domain, r->last.community,
			 r->last.practice);
		view_add_row(v, left, right, &kind_assessment, r->last.id);
	} else {
		row_part(v, a->readonly ? "none yet" : "none yet: A records one", NULL,
			 HEALTH_PART_ASSESSMENT);
	}
	if (r->previous.id) {
		snprintf(left, sizeof left, "before: %s", r->previous.day);
		snprintf(right, sizeof right, "%d %d %d", r->previous.domain, r->previous.community,
			 r->previous.practice);
		view_add_row(v, left, right, &kind_assessment, r->previous.id);
	}
	return COPSE_OK;
}

static int health_request(struct app *a, struct view *v, int req)
{
	const struct row *r = view_selected(v);

	(void)r;
	if (req != REQ_ASSESS)
		return VR_UNHANDLED;
	return assessment_add_ui(a);
}

const struct panel_ops panel_health = {
	.name = "Health",
	.load = health_load,
	.add_kind = NULL,
	.empty = "",
	.scope = KEYS_HEALTH,
	.key = health_request,
	.hints = "A assess",
};
