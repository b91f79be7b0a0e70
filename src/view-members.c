/* view-members.c - the Members panel and a member's page. */
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/draft.h"
#include "copse/health.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/suggest.h"
#include "copse/template.h"
#include "copse/text.h"
#include "copse/view.h"

/* ---- the record, for the editor ---- */

static void r_init(void *r) { member_init(r); }
static void r_done(void *r) { member_done(r); }
static int r_get(struct db *db, int64_t id, void *r) { member_done(r); return member_get(db, id, r); }
static int r_format(const void *r, int hints, struct buf *b) { return template_format_member(r, hints, b); }
static int r_parse(const char *t, void *r, char *e, size_t n) { return template_parse_member(t, r, e, n); }
static int r_add(struct db *db, void *r) { return member_add(db, r); }
static int r_update(struct db *db, void *r) { return member_update(db, r); }
static int64_t r_id(const void *r) { return ((const struct member *)r)->id; }
static int r_version(const void *r) { return ((const struct member *)r)->version; }
static void r_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct member *)r)->name;
	*created = ((const struct member *)r)->created;
}

static const char *r_body(const void *r) { return ((const struct member *)r)->bio; }

static const struct rec_ops member_rec = {
	sizeof(struct member), r_init, r_done, r_get, r_format,
	r_parse, r_add, r_update, r_id, r_version, r_about, NULL, r_body,
};

/* ---- page ---- */

static void put_tags(struct buf *md, const char *label, const struct strv *t)
{
	if (!t->n)
		return;
	buf_printf(md, "**%s:** ", label);
	for (size_t i = 0; i < t->n; i++) {
		if (i)
			buf_puts(md, ", ");
		md_put_text(md, t->v[i]);
	}
	buf_puts(md, "\n\n");
}

/* "**Level:** peripheral: last attended ..." and the levels assessments
 * kept. */
static void member_level(struct app *a, int64_t id, struct buf *md)
{
	struct health_level_filter f = { NULL, id, LEVEL_NONE, 1, 0 };
	struct health_level *lv = NULL;
	struct health_past *past = NULL;
	size_t n = 0, np = 0;
	char why[256], now[ISO_LEN];

	if (health_levels(a->db, &f, &lv, &n) == COPSE_OK && n) {
		time_now_iso(now);
		health_explain(&lv[0], health_window(a->db), now, why, sizeof why);
		buf_puts(md, "**Level:** ");
		md_put_text(md, why);
		buf_puts(md, "\n\n");
	}
	health_level_list_free(lv, n);
	if (health_level_history(a->db, id, &past, &np) == COPSE_OK && np) {
		buf_puts(md, "**Assessed:** ");
		for (size_t i = 0; i < np; i++)
			buf_printf(md, "%s%s %s", i ? ", " : "", past[i].day,
				   health_level_name(past[i].level));
		buf_puts(md, "\n\n");
	}
	health_past_list_free(past, np);
}

/* One line of a timeline: its day, then its Markdown. */
struct moment {
	char day[16];
	size_t order;          /* the same day: in the order added */
	struct buf md;
};

static struct moment *moment_add(struct moment *v, size_t *n, const char *iso)
{
	struct moment *m = &v[*n];

	m->order = (*n)++;
	if (strlen(iso) > 10)
		time_local(iso, "%Y-%m-%d", m->day, sizeof m->day);
	else
		snprintf(m->day, sizeof m->day, "%s", iso);
	buf_init(&m->md);
	return m;
}

static int by_day(const void *x, const void *y)
{
	const struct moment *p = x, *q = y;
	int c = strcmp(p->day, q->day);

	return c ? c : (p->order > q->order) - (p->order < q->order);
}

/* Their firsts, in the order they came: added, joined, first attended,
 * first note, first entry, first introduction. */
static void member_timeline(struct app *a, int64_t id, struct buf *md)
{
	struct member_firsts f;
	struct moment v[6], *m;
	size_t n = 0;

	if (member_firsts(a->db, id, &f) != COPSE_OK || !f.added) {
		member_firsts_done(&f);
		return;
	}
	buf_puts(&moment_add(v, &n, f.added)->md, "added to copse");
	if (f.joined)
		buf_puts(&moment_add(v, &n, f.joined)->md, "joined");
	if (f.attended) {
		m = moment_add(v, &n, f.attended);
		buf_puts(&m->md, "first attended ");
		md_put_link(&m->md, f.meeting_title, "meeting", f.meeting_id);
	}
	if (f.note)
		buf_puts(&moment_add(v, &n, f.note)->md, "first note in the minutes");
	if (f.entry) {
		m = moment_add(v, &n, f.entry);
		buf_puts(&m->md, "first entry ");
		md_put_wiki(&m->md, f.entry_title);
	}
	if (f.intro) {
		m = moment_add(v, &n, f.intro);
		buf_puts(&m->md, "first introduction, to ");
		md_put_link(&m->md, f.intro_name, "member", f.intro_id);
	}
	qsort(v, n, sizeof *v, by_day);
	buf_puts(md, "## Timeline\n\n");
	for (size_t i = 0; i < n; i++) {
		buf_printf(md, "- %s %s\n", v[i].day, v[i].md.s ? v[i].md.s : "");
		buf_done(&v[i].md);
	}
	buf_putc(md, '\n');
	member_firsts_done(&f);
}

/* The introductions suggested to them, best first. */
static void member_suggestions(struct app *a, int64_t id, struct buf *md)
{
	struct suggest_filter f = { id, 3, 0 };
	struct suggestion *s = NULL;
	size_t n = 0;

	if (suggest_list(a->db, &f, &s, &n) == COPSE_OK && n) {
		buf_puts(md, "## Suggested introductions\n\n");
		for (size_t i = 0; i < n; i++) {
			int other_b = s[i].a == id;

			buf_puts(md, "- ");
			md_put_link(md, other_b ? s[i].b_name : s[i].a_name, "member",
				    other_b ? s[i].b : s[i].a);
			buf_puts(md, ": ");
			md_put_text(md, s[i].reason);
			buf_putc(md, '\n');
		}
		buf_putc(md, '\n');
	}
	suggestion_list_free(s, n);
}

static void member_devnotes(struct app *a, int64_t id, struct buf *md)
{
	struct devnote *d = NULL;
	size_t n = 0;
	char when[32];

	if (member_notes(a->db, id, &d, &n) == COPSE_OK && n) {
		buf_puts(md, "\n## Development notes\n\n");
		for (size_t i = 0; i < n; i++) {
			view_time(d[i].created, when, sizeof when);
			buf_printf(md, "*%.10s, ", when);
			md_put_text(md, d[i].author);
			buf_puts(md, ":*\n\n");
			buf_puts(md, d[i].body);
			buf_puts(md, "\n\n");
		}
	}
	devnote_list_free(d, n);
}

static int member_doc(struct app *a, int64_t id, struct buf *md)
{
	struct member m;
	struct connection *c = NULL;
	struct action *act = NULL;
	struct action_filter af;
	size_t nc = 0, na = 0;
	int st;

	member_init(&m);
	st = member_get(a->db, id, &m);
	if (st != COPSE_OK)
		return st;
	buf_puts(md, "# ");
	md_put_text(md, m.name);
	buf_puts(md, "\n\n");
	if (m.handle && *m.handle) {
		buf_puts(md, "@");
		md_put_text(md, m.handle);
		buf_puts(md, view_sep());
	}
	md_put_text(md, m.status);
	/* an alumnus's role is of the past: never shown as today's */
	if (strcmp(m.status, "alumni") != 0 || strcmp(m.role, "member") != 0) {
		buf_puts(md, view_sep());
		if (strcmp(m.status, "alumni") == 0)
			buf_puts(md, "was ");
		md_put_text(md, m.role);
	}
	if (m.joined && *m.joined) {
		buf_puts(md, view_sep());
		buf_puts(md, "joined ");
		md_put_text(md, m.joined);
	}
	if (m.email && *m.email) {
		buf_puts(md, view_sep());
		md_put_text(md, m.email);
	}
	buf_puts(md, "\n\n");
	put_tags(md, "Expertise", &m.expertise);
	put_tags(md, "Interests", &m.interest);
	member_level(a, id, md);

	if (member_connections(a->db, id, &c, &nc) == COPSE_OK && nc) {
		buf_puts(md, "## Connections\n\n");
		for (size_t i = 0; i < nc; i++) {
			int other_a = c[i].a != id;
			buf_puts(md, "- ");
			md_put_link(md, other_a ? c[i].a_name : c[i].b_name, "member",
				    other_a ? c[i].a : c[i].b);
			buf_puts(md, " (");
			md_put_text(md, c[i].kind);
			buf_puts(md, ")");
			if (c[i].note && *c[i].note) {
				buf_puts(md, ": ");
				md_put_text(md, c[i].note);
			}
			buf_putc(md, '\n');
		}
		buf_putc(md, '\n');
	}
	connection_list_free(c, nc);

	memset(&af, 0, sizeof af);
	af.open_only = 1;
	af.owner_id = id;
	if (action_list(a->db, &af, &act, &na) == COPSE_OK && na) {
		buf_puts(md, "## Open actions\n\n");
		for (size_t i = 0; i < na; i++) {
			buf_puts(md, "- ");
			md_put_link(md, act[i].title, "action", act[i].id);
			if (act[i].due && *act[i].due) {
				buf_puts(md, ", due ");
				md_put_text(md, act[i].due);
			}
			buf_putc(md, '\n');
		}
		buf_putc(md, '\n');
	}
	action_list_free(act, na);
	member_suggestions(a, id, md);
	member_timeline(a, id, md);

	if (!str_empty(m.bio)) {
		buf_puts(md, "## Notes\n\n");
		buf_puts(md, m.bio);
		buf_putc(md, '\n');
	}
	member_devnotes(a, id, md);
	member_done(&m);
	return COPSE_OK;
}

/* ---- add / edit / delete ---- */

static int member_add_ui(struct app *a)
{
	char name[256];
	struct member *m;

	if (!view_ask_title(a, "New member's name: ", "member", name, sizeof name))
		return VR_REDRAW;
	m = malloc(sizeof *m);
	if (!m)
		return VR_REDRAW;
	member_init(m);
	m->name = xstrdup(name);
	m->status = xstrdup("prospect");
	m->role = xstrdup("member");
	return view_rec_add(a, &kind_member, m);
}

static int member_edit_ui(struct app *a, int64_t id)
{
	return view_rec_edit(a, &kind_member, id);
}

/* u after d made member id alumni: the status they had (was) again,
 * unless someone changed it meanwhile. */
static int member_undo_alumni(struct app *a, int64_t id, const char *was)
{
	struct member m;
	int st;

	member_init(&m);
	if ((st = member_get(a->db, id, &m)) == COPSE_OK && strcmp(m.status, "alumni") != 0) {
		app_message(a, "%s is %s already: nothing to undo", m.name, m.status);
		member_done(&m);
		return VR_REDRAW;
	}
	if (st == COPSE_OK) {
		free(m.status);
		m.status = xstrdup(was);
		st = member_update(a->db, &m);
	}
	if (st != COPSE_OK) {
		app_db_error(a, st);
		member_done(&m);
		return VR_REDRAW;
	}
	app_message(a, "%s is %s again, not alumni", m.name, was);
	app_reselect(a, &kind_member, id);
	member_done(&m);
	return VR_RELOAD;
}

/* A member with history is not deleted: d offers to make them alumni
 * (u makes them what they were).  One without goes to the trash, with
 * their tags. */
static int member_del_ui(struct app *a, int64_t id)
{
	struct member m;
	char *history = NULL, *was, q[600];
	int st;

	member_init(&m);
	if ((st = member_history(a->db, id, &history)) == COPSE_OK && !history)
		return view_confirm_trash(a, "member", id, member_delete);
	if (st == COPSE_OK)
		st = member_get(a->db, id, &m);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		goto out;
	}
	if (strcmp(m.status, "alumni") == 0) {
		app_message(a, "%s has history (%s) and stays, as alumni", m.name, history);
		goto out;
	}
	/* the question is shown whole, on more rows when it needs them */
	snprintf(q, sizeof q, "%s has history (%s): make them alumni instead?", m.name, history);
	if (!app_confirm(a, q))
		goto out;
	was = m.status;
	m.status = xstrdup("alumni");
	if ((st = member_update(a->db, &m)) != COPSE_OK) {
		app_db_error(a, st);
		free(was);
		goto out;
	}
	app_undo_instead(a, member_undo_alumni, id, was);
	free(was);
	app_message(a, "%s is alumni now (u undoes)", m.name);
	free(history);
	member_done(&m);
	return VR_RELOAD;
out:
	free(history);
	member_done(&m);
	return VR_REDRAW;
}

const struct kind_ops kind_member = {
	.name = "member",
	.scope = KEYS_READER,
	.doc = member_doc,
	.add = member_add_ui,
	.edit = member_edit_ui,
	.del = member_del_ui,
	.del_help = "trash the member, or make them alumni if they have history",
	.rec = &member_rec,
	/* the member, connections, open actions, their level (what they
	 * attended and wrote), suggestions (and dismissals), assessments */
	.shows = 0,
};

/* ---- panel ---- */

/* The right column: the participation level, then the status in a
 * column of its own ("inactive prospect", "core   active"); an alumnus
 * has no level, and a role (for an alumnus, of the past) is never
 * shown. */
#define RIGHT_STATUS_COLS 8     /* "prospect" */
#define RIGHT_COLS (10 + 1 + RIGHT_STATUS_COLS)   /* "peripheral prospect" */

static void member_right(const struct member *m, char *out, size_t n)
{
	if (m->level >= 0 && strcmp(m->status, "alumni") != 0)
		snprintf(out, n, "%s %*s", health_level_name(m->level), RIGHT_STATUS_COLS,
			 m->status);
	else
		snprintf(out, n, "%s", m->status);
}

static int members_rows(struct app *a, struct view *v, const char *filter,
			const struct page_req *r)
{
	struct member *m = NULL;
	size_t n = 0;
	int st = member_page(a->db, filter, r, &m, &n);

	for (size_t i = 0; i < n; i++) {
		struct page_key k;
		char right[64];

		page_key_init(&k);
		member_right(&m[i], right, sizeof right);
		if (member_key(&m[i], &k) == 0)
			view_add_keyed(v, m[i].name, right, m[i].id, &k);
		page_key_done(&k);
	}
	member_list_free(m, n);
	return st;
}

static int members_count(struct app *a, const char *filter, const struct page_key *k,
			 int64_t *n)
{
	return member_count(a->db, filter, k, n);
}

static int members_key(struct app *a, int64_t id, struct page_key *k)
{
	struct member m;
	int st;

	member_init(&m);
	st = member_get(a->db, id, &m);
	if (st == COPSE_OK && member_key(&m, k) != 0)
		st = COPSE_NOMEM;
	member_done(&m);
	return st;
}

static const struct list_part members_parts[] = {
	{ NULL, &kind_member, members_rows, members_count, members_key },
};

/* ---- introductions, the pipeline, development notes ---- */

int view_introduce(struct app *a, int64_t x, int64_t y, const char *note)
{
	struct member mx, my;
	char text[512], q[128], *nx = NULL, *ny = NULL;
	int st, result = VR_REDRAW;

	member_init(&mx);
	member_init(&my);
	if ((st = member_get(a->db, x, &mx)) != COPSE_OK ||
	    (st = member_get(a->db, y, &my)) != COPSE_OK) {
		app_db_error(a, st);
		goto out;
	}
	nx = view_fit(mx.name, 20);
	ny = view_fit(my.name, 20);
	snprintf(text, sizeof text, "%s", note ? note : "");
	snprintf(q, sizeof q, "Introduce %s to %s, note: ", nx ? nx : "", ny ? ny : "");
	if (!app_prompt(a, q, text, sizeof text, NULL, NULL)) {
		if (!a->quit)
			app_message(a, "no introduction recorded");
		goto out;
	}
	str_trim(text);
	if ((st = member_link(a->db, x, y, "introduced", text, NULL)) != COPSE_OK) {
		app_db_error(a, st);
		goto out;
	}
	app_message(a, "introduced %s to %s", mx.name, my.name);
	result = VR_RELOAD;
out:
	free(nx);
	free(ny);
	member_done(&mx);
	member_done(&my);
	return result;
}

/* i: introduce the selected member to someone named by handle or id. */
static int introduce_ui(struct app *a, int64_t id)
{
	struct member m, other;
	char who[128], label[96], *name;
	int st, result = VR_REDRAW;

	member_init(&m);
	member_init(&other);
	if ((st = member_get(a->db, id, &m)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	name = view_fit(m.name, 24);
	snprintf(label, sizeof label, "Introduce %s to (handle or id): ", name ? name : "");
	free(name);
	who[0] = '\0';
	if (!app_prompt(a, label, who, sizeof who, NULL, NULL) || str_empty(who)) {
		if (!a->quit)
			app_message(a, "no introduction recorded");
	} else if ((st = member_find(a->db, str_trim(who), &other)) != COPSE_OK) {
		app_db_error(a, st);
	} else {
		result = view_introduce(a, m.id, other.id, "");
	}
	member_done(&m);
	member_done(&other);
	return result;
}

/* p: prospect -> invited -> active -> alumni, after y/n. */
static int pipeline_ui(struct app *a, int64_t id)
{
	static const char *const stages[] = { MEMBER_STATUSES };
	struct member m;
	char q[160], *name;
	size_t i;
	int st;

	member_init(&m);
	if ((st = member_get(a->db, id, &m)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	for (i = 0; i < ARRAY_SIZE(stages) && strcmp(stages[i], m.status) != 0; i++)
		;
	if (i + 1 >= ARRAY_SIZE(stages)) {
		app_message(a, "%s is alumni, the end of the pipeline (e edits the status)", m.name);
		member_done(&m);
		return VR_REDRAW;
	}
	name = view_fit(m.name, 32);
	snprintf(q, sizeof q, "Move %s from %s to %s?", name ? name : "", m.status, stages[i + 1]);
	free(name);
	if (!app_confirm(a, q)) {
		member_done(&m);
		return VR_REDRAW;
	}
	free(m.status);
	m.status = xstrdup(stages[i + 1]);
	if ((st = member_update(a->db, &m)) != COPSE_OK) {
		app_db_error(a, st);
		member_done(&m);
		return VR_REDRAW;
	}
	app_message(a, "%s is %s now", m.name, m.status);
	member_done(&m);
	return VR_RELOAD;
}

/* The note as written: without the "#!" lines, trimmed.  Caller frees. */
static char *devnote_text(const char *text)
{
	struct buf b;
	char *out;

	buf_init(&b);
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");

		if (strncmp(p, "#!", 2) != 0)
			buf_add(&b, p, len + (p[len] == '\n'));
		p += len + (p[len] == '\n');
	}
	buf_putc(&b, '\0');
	out = buf_steal(&b);
	if (out)
		str_trim(out);
	return out;
}

/* D: a development note, written in $VISUAL or $EDITOR: Markdown, as
 * many lines as it takes.  Notes are added, never edited, so there is
 * no version to check; a note kept as a draft (the session ended in
 * the editor) comes back with the next D on that member, or from the
 * kept-drafts screen (kept_draft, view.h). */
int view_member_devnote(struct app *a, int64_t id, const struct draft *kept_draft)
{
	struct member m;
	struct draft d;
	struct draft_meta dm;
	struct buf init;
	char context[64], err[512], *name, *out = NULL, *draft = NULL, *note = NULL, *kept = NULL;
	int st, changed = 0, result = VR_REDRAW;

	member_init(&m);
	if ((st = member_get(a->db, id, &m)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	snprintf(context, sizeof context, "member %lld", (long long)id);
	buf_init(&init);
	if (kept_draft) {         /* claimed by the kept-drafts screen */
		memset(&d, 0, sizeof d);
		d.id = xstrdup(kept_draft->id);
		d.text = xstrdup(kept_draft->text ? kept_draft->text : "");
		st = d.id && d.text ? COPSE_OK : COPSE_NOMEM;
		if (st != COPSE_OK)
			draft_done(&d);
	} else {
		st = draft_find(db_path(a->db), "devnote", context, m.created, &d, err,
				sizeof err);
	}
	if (st == COPSE_INVALID) {
		app_error(a, "%s", err);       /* kept whole; names its file */
		goto out;
	}
	if (st == COPSE_OK && !kept_draft && (!view_draft_claim(a, &d) || d.problem)) {
		draft_done(&d);         /* another session has it back */
		st = COPSE_NOTFOUND;
	}
	if (st == COPSE_OK) {
		buf_puts(&init, d.text);
		kept = d.id;
		d.id = NULL;
		draft_done(&d);
	} else {
		name = view_fit(m.name, 40);
		buf_printf(&init, "#! A development note on %s: Markdown, as many lines as it\n"
			   "#! takes.  Lines starting \"#!\" are left out; nothing written, no"
			   " note.\n\n", name ? name : "");
		free(name);
	}
	memset(&dm, 0, sizeof dm);
	dm.kind = "devnote";
	dm.context = context;
	dm.record = "member";
	dm.record_id = id;
	dm.record_created = m.created;
	dm.title = m.name;
	st = app_edit_draft(a, &dm, init.s ? init.s : "", &out, &changed, &draft);
	if (st != COPSE_OK)
		goto out;              /* said; the draft keeps the text */
	app_draft_discard(a, kept);
	note = devnote_text(out);
	if (!note || !*note) {
		app_message(a, "nothing written; no note added");
		app_draft_discard(a, draft);
		goto out;
	}
	if ((st = member_note_add(a->db, id, note, NULL)) != COPSE_OK) {
		app_error(a, "%s; your note is kept as draft %s", db_error(a->db),
			  draft ? draft : "?");
		goto out;
	}
	app_draft_discard(a, draft);
	app_message(a, "development note added (on %s's page)", m.name);
	result = VR_RELOAD;
out:
	free(kept);
	free(out);
	free(note);
	free(draft);
	buf_done(&init);
	member_done(&m);
	return result;
}

/* x: dismiss one of the member's suggested introductions, for good: the
 * only one after y/n, else the one whose number (as the preview lists
 * them, the first nine that fit the status line) is pressed. */
static int dismiss_ui(struct app *a, int64_t id)
{
	struct suggest_filter f = { id, 9, 1 };
	struct suggestion *s = NULL;
	size_t n = 0, shown = 0;
	char q[512], *name = NULL;
	int st, key, result = VR_REDRAW;
	int64_t x = 0, y = 0;

	if ((st = suggest_list(a->db, &f, &s, &n)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	if (n == 0) {
		struct member m;

		member_init(&m);
		if ((st = member_get(a->db, id, &m)) == COPSE_OK)
			app_message(a, "no suggested introductions for %s", m.name);
		else
			app_db_error(a, st);
		member_done(&m);
		return VR_REDRAW;
	}
	/* the other member of each pair, as the preview names them */
#define OTHER(i) (s[i].a == id ? s[i].b_name : s[i].a_name)
#define SELF(i) (s[i].a == id ? s[i].a_name : s[i].b_name)
	name = view_fit(SELF(0), 24);
	if (n == 1) {
		char *other = view_fit(OTHER(0), 24);

		snprintf(q, sizeof q, "Dismiss the suggestion %s %s %s for good?", name ? name : "",
			 display_ascii() ? "<->" : "\xe2\x86\x94", other ? other : "");
		free(other);
		if (app_confirm(a, q))
			x = s[0].a, y = s[0].b;
	} else {
		int used = snprintf(q, sizeof q, "Dismiss for %s:", name ? name : "");

		for (size_t i = 0; i < n; i++) {
			char *other = view_fit(OTHER(i), 16);
			int w = 4 + (int)text_width(other ? other : "", other ? strlen(other) : 0);

			if (used + w > display_cols() - 1 && shown) {
				free(other);
				break;
			}
			used += snprintf(q + strlen(q), sizeof q - strlen(q), "%s%zu %s",
					 i ? "  " : " ", i + 1, other ? other : "");
			free(other);
			shown++;
		}
		key = app_ask_key(a, q);
		if (key >= '1' && key < '1' + (int)shown)
			x = s[key - '1'].a, y = s[key - '1'].b;
		else if (!a->quit)
			app_message(a, "nothing changed");
	}
	if (x && (st = suggest_dismiss(a->db, x, y)) != COPSE_OK) {
		app_db_error(a, st);
	} else if (x) {
		for (size_t i = 0; i < n; i++)
			if (s[i].a == x && s[i].b == y)
				app_message(a, "%s and %s: suggestion dismissed", SELF(i), OTHER(i));
		result = VR_RELOAD;
	}
#undef OTHER
#undef SELF
	free(name);
	suggestion_list_free(s, n);
	return result;
}

static int members_request(struct app *a, struct view *v, int req)
{
	const struct row *r = view_selected(v);

	if (req != REQ_INTRODUCE && req != REQ_PIPELINE && req != REQ_DEVNOTE &&
	    req != REQ_DISMISS_FOR)
		return VR_UNHANDLED;
	if (!r || r->kind != &kind_member) {
		app_message(a, "select a member first");
		return VR_REDRAW;
	}
	if (req == REQ_INTRODUCE)
		return introduce_ui(a, r->id);
	if (req == REQ_PIPELINE)
		return pipeline_ui(a, r->id);
	if (req == REQ_DISMISS_FOR)
		return dismiss_ui(a, r->id);
	return view_member_devnote(a, r->id, NULL);
}

const struct panel_ops panel_members = {
	.name = "Members",
	.parts = members_parts,
	.nparts = ARRAY_SIZE(members_parts),
	.add_kind = &kind_member,
	.empty = "No members yet: press a to add one.",
	/* names, and each member's level: what they attended and wrote */
	.shows = CHANGE_MEMBERS | CHANGE_MEETINGS | CHANGE_NOTES | CHANGE_ENTRIES |
		 CHANGE_TOPICS,
	.scope = KEYS_MEMBERS,
	.key = members_request,
	.hints = "i introduce  p pipeline",
	.right_cols = RIGHT_COLS,
};

/* ---- a suggested introduction (Home) ---- */

static int suggestion_doc(struct app *a, int64_t id, struct buf *md)
{
	struct suggest_filter f = { 0, 0, 0 };
	struct suggestion *s = NULL;
	size_t n = 0;
	int64_t x, y;
	int st;

	suggest_pair_split(id, &x, &y);
	f.member_id = x;
	if ((st = suggest_list(a->db, &f, &s, &n)) != COPSE_OK)
		return st;
	for (size_t i = 0; i < n; i++)
		if (s[i].a == x && s[i].b == y) {
			buf_puts(md, "# Introduce ");
			md_put_text(md, s[i].a_name);
			buf_puts(md, " and ");
			md_put_text(md, s[i].b_name);
			buf_puts(md, "\n\n");
			md_put_text(md, s[i].reason);
			buf_puts(md, ".\n\n- ");
			md_put_link(md, s[i].a_name, "member", s[i].a);
			buf_puts(md, "\n- ");
			md_put_link(md, s[i].b_name, "member", s[i].b);
			buf_puts(md, "\n\n`i` records the introduction, `x` dismisses the suggestion.\n");
			suggestion_list_free(s, n);
			return COPSE_OK;
		}
	suggestion_list_free(s, n);
	return db_fail(a->db, COPSE_NOTFOUND, "suggestion: no longer suggested");
}

const struct kind_ops kind_suggestion = {
	.name = "suggestion",
	.scope = KEYS_READER,
	.doc = suggestion_doc,
};
