/* view-members.c - the Members panel and a member's page. */
#include <stdlib.h>
#include <string.h>

#include "copse/display.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/template.h"
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
	buf_puts(md, view_sep());
	md_put_text(md, m.role);
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

	if (!str_empty(m.bio)) {
		buf_puts(md, "## Notes\n\n");
		buf_puts(md, m.bio);
		buf_putc(md, '\n');
	}
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

/* A member with history is not deleted: d offers to make them alumni.
 * One without goes to the trash, with their tags. */
static int member_del_ui(struct app *a, int64_t id)
{
	struct member m;
	char *history = NULL, q[600];
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
	{
		/* the question fits the status line: name and history give way */
		char *name = view_fit(m.name, 24), *what;
		int rest = snprintf(NULL, 0, "%s has history (): make them alumni instead? y/n ",
				    name ? name : "");

		what = view_fit(history, display_cols() - 1 - rest);
		snprintf(q, sizeof q, "%s has history (%s): make them alumni instead?",
			 name ? name : "", what ? what : "");
		free(name);
		free(what);
	}
	if (!app_confirm(a, q))
		goto out;
	free(m.status);
	m.status = xstrdup("alumni");
	if ((st = member_update(a->db, &m)) != COPSE_OK) {
		app_db_error(a, st);
		goto out;
	}
	app_message(a, "%s is alumni now (e edits the status back)", m.name);
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
	/* the member, their connections and open actions */
	.shows = CHANGE_MEMBERS | CHANGE_ACTIONS,
};

/* ---- panel ---- */

static int members_rows(struct app *a, struct view *v, const char *filter,
			const struct page_req *r)
{
	struct member *m = NULL;
	size_t n = 0;
	int st = member_page(a->db, filter, r, &m, &n);

	for (size_t i = 0; i < n; i++) {
		struct page_key k;

		page_key_init(&k);
		/* a role says more than the status of a plain member */
		if (member_key(&m[i], &k) == 0)
			view_add_keyed(v, m[i].name,
				       strcmp(m[i].role, "member") != 0 ? m[i].role : m[i].status,
				       m[i].id, &k);
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

const struct panel_ops panel_members = {
	.name = "Members",
	.parts = members_parts,
	.nparts = ARRAY_SIZE(members_parts),
	.add_kind = &kind_member,
	.empty = "No members yet: press a to add one.",
	.shows = CHANGE_MEMBERS,
};
