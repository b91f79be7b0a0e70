/* view-repertoire.c - the Repertoire panel and the entry reader. */
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/template.h"
#include "copse/view.h"

/* ---- the record, for the editor ---- */

static void r_init(void *r) { entry_init(r); }
static void r_done(void *r) { entry_done(r); }
static int r_get(struct db *db, int64_t id, void *r) { entry_done(r); entry_init(r); return entry_get(db, id, r); }
static int r_format(const void *r, int hints, struct buf *b) { return template_format_entry(r, hints, b); }
static int r_parse(const char *t, void *r, char *e, size_t n) { return template_parse_entry(t, r, e, n); }
static int r_add(struct db *db, void *r) { return entry_add(db, r); }
static int r_update(struct db *db, void *r) { return entry_update(db, r); }
static int64_t r_id(const void *r) { return ((const struct entry *)r)->id; }
static int r_version(const void *r) { return ((const struct entry *)r)->version; }
static void r_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct entry *)r)->title;
	*created = ((const struct entry *)r)->created;
}

static const char *r_body(const void *r) { return ((const struct entry *)r)->body; }

static const struct rec_ops entry_rec = {
	sizeof(struct entry), r_init, r_done, r_get, r_format,
	r_parse, r_add, r_update, r_id, r_version, r_about, "entry history", r_body,
};

/* ---- the reader ---- */

static int entry_doc(struct app *a, int64_t id, struct buf *md)
{
	struct entry e, *back = NULL;
	size_t nb = 0;
	char when[32];
	int st;

	entry_init(&e);
	st = entry_get(a->db, id, &e);
	if (st != COPSE_OK) {
		entry_done(&e);
		return st;
	}
	view_time(e.updated, when, sizeof when);
	buf_puts(md, "# ");
	md_put_text(md, e.title);
	buf_puts(md, "\n\n*");
	md_put_text(md, e.kind);
	if (strcmp(e.status, "published") != 0) {
		buf_puts(md, view_sep());
		md_put_text(md, e.status);
	}
	buf_puts(md, view_sep());
	buf_puts(md, "by ");
	md_put_text(md, e.author);
	buf_puts(md, view_sep());
	buf_printf(md, "%.10s", when);
	buf_puts(md, view_sep());
	buf_printf(md, "%d revision%s", e.version, e.version == 1 ? "" : "s");
	if (e.uses) {
		buf_puts(md, view_sep());
		buf_printf(md, "used %d time%s", e.uses, e.uses == 1 ? "" : "s");
	}
	buf_puts(md, "*\n\n");
	if (e.tags.n) {
		buf_puts(md, "Tags: ");
		for (size_t i = 0; i < e.tags.n; i++) {
			buf_puts(md, i ? ", " : "");
			md_put_text(md, e.tags.v[i]);
		}
		buf_puts(md, "\n\n");
	}
	if (e.source_meeting_id) {
		struct meeting m;

		memset(&m, 0, sizeof m);
		if (meeting_get(a->db, e.source_meeting_id, &m) == COPSE_OK) {
			buf_puts(md, "Harvested from ");
			md_put_link(md, m.title, "meeting", m.id);
			buf_puts(md, "\n\n");
		}
		meeting_done(&m);
	}
	buf_puts(md, md_skip_title(e.body, e.title));
	buf_puts(md, "\n\n");
	if (entry_backlinks(a->db, e.title, &back, &nb) == COPSE_OK && nb) {
		buf_puts(md, "## Linked from\n\n");
		for (size_t i = 0; i < nb; i++) {
			buf_puts(md, "- ");
			md_put_wiki(md, back[i].title);
			buf_putc(md, '\n');
		}
	}
	entry_list_free(back, nb);
	entry_done(&e);
	return COPSE_OK;
}

static void entry_opened(struct app *a, int64_t id)
{
	entry_mark_read(a->db, id);
}

static int entry_add_ui(struct app *a)
{
	char title[256];
	struct entry *e;

	if (!view_ask_title(a, "New entry's title: ", "entry", title, sizeof title))
		return VR_REDRAW;
	e = malloc(sizeof *e);
	if (!e)
		return VR_REDRAW;
	entry_init(e);
	e->title = xstrdup(title);
	e->kind = xstrdup("lesson");
	e->status = xstrdup("published");
	e->body = xstrdup("");
	return view_rec_add(a, &kind_entry, e);
}

static int entry_edit_ui(struct app *a, int64_t id)
{
	return view_rec_edit(a, &kind_entry, id);
}

/* d moves an entry to the trash like every other delete (u undoes);
 * retiring one is an edit of its status. */
static int entry_del_ui(struct app *a, int64_t id)
{
	return view_confirm_trash(a, "entry", id, entry_delete);
}

const struct kind_ops kind_entry = {
	.name = "entry",
	.scope = KEYS_READER,
	.doc = entry_doc,
	.opened = entry_opened,
	.add = entry_add_ui,
	.edit = entry_edit_ui,
	.del = entry_del_ui,
	.del_help = "move the entry to the trash",
	.rec = &entry_rec,
};

/* ---- panel ---- */

static int repertoire_rows(struct app *a, struct view *v, const char *filter,
			   const struct page_req *r)
{
	struct entry_filter f = { .query = filter };
	struct entry *e = NULL;
	size_t n = 0;
	int st = entry_page(a->db, &f, r, &e, &n);

	for (size_t i = 0; i < n; i++) {
		struct page_key k;

		page_key_init(&k);
		if (entry_key(&f, &e[i], &k) == 0)
			view_add_keyed(v, e[i].title,
				       strcmp(e[i].status, "draft") == 0 ? "draft" : e[i].kind,
				       e[i].id, &k);
		page_key_done(&k);
	}
	entry_list_free(e, n);
	return st;
}

static int repertoire_count(struct app *a, const char *filter, const struct page_key *k,
			    int64_t *n)
{
	struct entry_filter f = { .query = filter };

	return entry_count(a->db, &f, k, n);
}

static int repertoire_key(struct app *a, int64_t id, struct page_key *k)
{
	struct entry e;
	int st = entry_get(a->db, id, &e);

	if (st == COPSE_OK && entry_key(NULL, &e, k) != 0)
		st = COPSE_NOMEM;
	entry_done(&e);
	return st;
}

static const struct list_part repertoire_parts[] = {
	{ NULL, &kind_entry, repertoire_rows, repertoire_count, repertoire_key },
};

const struct panel_ops panel_repertoire = {
	.name = "Repertoire",
	.parts = repertoire_parts,
	.nparts = ARRAY_SIZE(repertoire_parts),
	.add_kind = &kind_entry,
	.empty = "No entries yet: press a to write the first lesson.",
};
