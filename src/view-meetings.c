/* view-meetings.c - the Meetings panel, a meeting as a page (the
 * list's preview; its own screen is the floor, view-floor.c) and action
 * items. */
#include <stdlib.h>
#include <string.h>

#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/template.h"
#include "copse/view.h"

/* ---- the record, for the editor ---- */

static void r_init(void *r) { memset(r, 0, sizeof(struct meeting)); }
static void r_done(void *r) { meeting_done(r); }
static int r_get(struct db *db, int64_t id, void *r) { meeting_done(r); return meeting_get(db, id, r); }
static int r_format(const void *r, int hints, struct buf *b) { return template_format_meeting(r, hints, b); }
static int r_parse(const char *t, void *r, char *e, size_t n) { return template_parse_meeting(t, r, e, n); }
static int r_add(struct db *db, void *r) { return meeting_add(db, r); }
static int r_update(struct db *db, void *r) { return meeting_update(db, r); }
static int64_t r_id(const void *r) { return ((const struct meeting *)r)->id; }
static int r_version(const void *r) { return ((const struct meeting *)r)->version; }
static void r_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct meeting *)r)->title;
	*created = ((const struct meeting *)r)->created;
}

static const char *r_body(const void *r) { return ((const struct meeting *)r)->agenda; }

static const struct rec_ops meeting_rec = {
	sizeof(struct meeting), r_init, r_done, r_get, r_format,
	r_parse, r_add, r_update, r_id, r_version, r_about, "meeting history", r_body,
};

/* ---- the meeting screen ---- */

static void put_body_item(struct buf *md, const char *body)
{
	/* a Markdown body as the rest of a list item: indent continuation */
	for (const char *p = body; *p; p++) {
		if (*p == '\n') {
			while (p[1] == '\n')
				p++;
			if (p[1])
				buf_puts(md, "\n  ");
		} else {
			buf_putc(md, *p);
		}
	}
}

static int meeting_doc(struct app *a, int64_t id, struct buf *md)
{
	struct meeting m;
	struct attendance *at = NULL;
	struct note *notes = NULL;
	struct action *act = NULL;
	struct action_filter af;
	size_t nat = 0, nn = 0, na = 0;
	char when[32], end[32];
	int st;

	memset(&m, 0, sizeof m);
	st = meeting_get(a->db, id, &m);
	if (st != COPSE_OK)
		return st;
	view_time(m.starts, when, sizeof when);
	buf_puts(md, "# ");
	md_put_text(md, m.title);
	buf_puts(md, "\n\n");
	buf_puts(md, when);
	if (m.ends && *m.ends) {
		view_time(m.ends, end, sizeof end);
		/* same day: only the time */
		buf_printf(md, "-%s", strncmp(end, when, 10) == 0 ? end + 11 : end);
	}
	if (m.location && *m.location) {
		buf_puts(md, view_sep());
		md_put_text(md, m.location);
	}
	buf_puts(md, view_sep());
	md_put_text(md, m.status);
	buf_puts(md, "\n\n");

	if (!str_empty(m.agenda)) {
		const char *ag = m.agenda;

		while (*ag == '\n' || *ag == ' ')
			ag++;
		if (*ag != '#')     /* the agenda has no heading of its own */
			buf_puts(md, "## Agenda\n\n");
		buf_puts(md, ag);
		buf_puts(md, "\n\n");
	}

	if (attend_list(a->db, id, &at, &nat) == COPSE_OK && nat) {
		buf_puts(md, "## Attendance\n\n");
		for (size_t i = 0; i < nat; i++) {
			buf_puts(md, "- ");
			md_put_link(md, at[i].name, "member", at[i].member_id);
			buf_puts(md, ": ");
			md_put_text(md, at[i].status);
			buf_putc(md, '\n');
		}
		buf_putc(md, '\n');
	}
	attendance_list_free(at, nat);

	/* the actions first: a line that made one is listed under Actions,
	 * not again under Notes */
	memset(&af, 0, sizeof af);
	af.meeting_id = id;
	if (action_list(a->db, &af, &act, &na) != COPSE_OK)
		na = 0;
	buf_puts(md, "## Notes\n\n");
	if (note_list(a->db, id, &notes, &nn) == COPSE_OK && nn) {
		size_t shown = 0;

		for (size_t i = 0; i < nn; i++) {
			if (action_of_note(act, na, notes[i].id))
				continue;
			shown++;
			buf_puts(md, "- ");
			if (strcmp(notes[i].kind, "decision") == 0)
				buf_puts(md, "**Decision:** ");
			else if (strcmp(notes[i].kind, "question") == 0)
				buf_puts(md, "**Question:** ");
			put_body_item(md, notes[i].body);
			buf_puts(md, " *(");
			md_put_text(md, notes[i].author);
			buf_puts(md, ")*\n");
		}
		if (!shown)
			buf_puts(md, "No notes besides the actions.\n");
	} else {
		buf_puts(md, "No notes yet: press a to add a line.\n");
	}
	buf_putc(md, '\n');
	note_list_free(notes, nn);

	if (na) {
		buf_puts(md, "## Actions\n\n");
		for (size_t i = 0; i < na; i++) {
			buf_puts(md, "- ");
			md_put_text(md, act[i].title);
			buf_puts(md, " (");
			if (act[i].owner_id)
				md_put_link(md, act[i].owner_name, "member", act[i].owner_id);
			else
				buf_puts(md, "no owner");
			if (act[i].due && *act[i].due) {
				buf_puts(md, ", due ");
				md_put_text(md, act[i].due);
			}
			buf_puts(md, act[i].done ? ", done)\n" : ")\n");
		}
		buf_putc(md, '\n');
	}
	action_list_free(act, na);
	meeting_done(&m);
	return COPSE_OK;
}

static int meeting_add_ui(struct app *a)
{
	char title[256], when[64] = "";
	struct meeting *m;
	time_t t;

	if (!view_ask_title(a, "New meeting's title: ", "meeting", title, sizeof title))
		return VR_REDRAW;
	for (;;) {
		if (!app_prompt(a, "Starts (YYYY-MM-DD HH:MM): ", when, sizeof when, NULL, NULL)) {
			if (!a->quit)
				app_message(a, "no meeting added");
			return VR_REDRAW;
		}
		if (time_parse(str_trim(when), &t) == 0)
			break;
		app_error(a, "'%s': not a date and time like 2025-03-04 18:00", when);
	}
	m = calloc(1, sizeof *m);
	if (!m)
		return VR_REDRAW;
	m->title = xstrdup(title);
	m->starts = malloc(ISO_LEN);
	if (m->starts)
		time_iso(t, m->starts);
	m->status = xstrdup("planned");
	m->location = xstrdup("");
	m->agenda = xstrdup("");
	return view_rec_add(a, &kind_meeting, m);
}

static int meeting_edit_ui(struct app *a, int64_t id)
{
	return view_rec_edit(a, &kind_meeting, id);
}

static int meeting_del_ui(struct app *a, int64_t id)
{
	return view_confirm_trash(a, "meeting", id, meeting_delete);
}

const struct kind_ops kind_meeting = {
	.name = "meeting",
	.scope = KEYS_MEETING,
	.doc = meeting_doc,
	.add = meeting_add_ui,
	.edit = meeting_edit_ui,
	.del = meeting_del_ui,
	.view = view_new_floor,
	.del_help = "trash the meeting with its notes",
	.rec = &meeting_rec,
	/* the meeting, who attends, its minutes and actions */
	.shows = CHANGE_MEETINGS | CHANGE_MEMBERS | CHANGE_NOTES | CHANGE_ACTIONS,
};

/* ---- action items ---- */

static int action_doc(struct app *a, int64_t id, struct buf *md)
{
	struct action act;
	int st;

	memset(&act, 0, sizeof act);
	st = action_get(a->db, id, &act);
	if (st != COPSE_OK)
		return st;
	buf_puts(md, "# ");
	md_put_text(md, act.title);
	buf_puts(md, "\n\n");
	buf_puts(md, act.done ? "Done" : "Open");
	if (act.due && *act.due) {
		buf_puts(md, view_sep());
		buf_puts(md, "due ");
		md_put_text(md, act.due);
	}
	buf_puts(md, "\n\n**Owner:** ");
	if (act.owner_id)
		md_put_link(md, act.owner_name, "member", act.owner_id);
	else
		buf_puts(md, "nobody");
	buf_puts(md, "\n\n");
	if (act.meeting_id) {
		struct meeting m;

		memset(&m, 0, sizeof m);
		if (meeting_get(a->db, act.meeting_id, &m) == COPSE_OK) {
			buf_puts(md, "**From:** ");
			md_put_link(md, m.title, "meeting", m.id);
			buf_puts(md, "\n\n");
		}
		meeting_done(&m);
	}
	buf_puts(md, act.done ? "Press d to open it again.\n" : "Press d to mark it done.\n");
	action_done(&act);
	return COPSE_OK;
}

static int action_close(struct db *db, int64_t id) { return action_set_done(db, id, 1); }
static int action_reopen(struct db *db, int64_t id) { return action_set_done(db, id, 0); }

static int action_del_ui(struct app *a, int64_t id)
{
	struct action act;
	char q[400];
	int st, done;

	memset(&act, 0, sizeof act);
	st = action_get(a->db, id, &act);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	done = act.done != NULL;
	snprintf(q, sizeof q, "%s action '%s'?", done ? "Reopen" : "Mark done", act.title);
	action_done(&act);
	return view_confirm_verb(a, q, done ? action_reopen : action_close, "action", id,
				 done ? "reopened" : "done");
}

const struct kind_ops kind_action = {
	.name = "action",
	.scope = KEYS_READER,
	.doc = action_doc,
	.del = action_del_ui,
	.del_help = "mark done or open again",
	/* the action, its owner and meeting */
	.shows = CHANGE_ACTIONS | CHANGE_MEMBERS | CHANGE_MEETINGS,
};

/* ---- panel ---- */

/* A meeting going on now comes first: it is where people type; then the
 * upcoming ones, soonest first, and the past, latest first. */
static int meetings_rows(struct app *a, struct view *v, enum meeting_part part,
			 const char *filter, const struct page_req *r)
{
	struct meeting *m = NULL;
	size_t n = 0;
	int st = meeting_page(a->db, part, filter, r, &m, &n);

	for (size_t i = 0; i < n; i++) {
		char when[32], left[512];
		struct page_key k;

		view_time(m[i].starts, when, sizeof when);
		snprintf(left, sizeof left, "%.10s  %s", when, m[i].title);
		page_key_init(&k);
		/* the usual status goes without saying */
		if (meeting_key(&m[i], &k) == 0)
			view_add_keyed(v, left,
				       strcmp(m[i].status, part == MEETING_PAST ? "held" : "planned")
				       ? m[i].status : NULL, m[i].id, &k);
		page_key_done(&k);
	}
	meeting_list_free(m, n);
	return st;
}

static int meetings_key(struct app *a, int64_t id, struct page_key *k)
{
	struct meeting m;
	int st;

	memset(&m, 0, sizeof m);
	st = meeting_get(a->db, id, &m);
	if (st == COPSE_OK && meeting_key(&m, k) != 0)
		st = COPSE_NOMEM;
	meeting_done(&m);
	return st;
}

#define MEETINGS_PART(name, part) \
	static int name##_rows(struct app *a, struct view *v, const char *filter, \
			       const struct page_req *r) \
	{ return meetings_rows(a, v, part, filter, r); } \
	static int name##_count(struct app *a, const char *filter, \
				const struct page_key *k, int64_t *n) \
	{ return meeting_count(a->db, part, filter, k, n); }
MEETINGS_PART(on_now, MEETING_ON_NOW_PART)
MEETINGS_PART(upcoming, MEETING_UPCOMING)
MEETINGS_PART(past, MEETING_PAST)
#undef MEETINGS_PART

static const struct list_part meetings_parts[] = {
	{ "On now", &kind_meeting, on_now_rows, on_now_count, meetings_key },
	{ "Upcoming", &kind_meeting, upcoming_rows, upcoming_count, meetings_key },
	{ "Past", &kind_meeting, past_rows, past_count, meetings_key },
};

const struct panel_ops panel_meetings = {
	.name = "Meetings",
	.parts = meetings_parts,
	.nparts = ARRAY_SIZE(meetings_parts),
	.add_kind = &kind_meeting,
	.empty = "No meetings yet: press a to plan one.",
	.shows = CHANGE_MEETINGS,
};
