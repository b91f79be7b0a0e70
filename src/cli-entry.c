/* cli-entry.c - the repertoire commands: entry add, list, show, edit,
 * history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/md.h"
#include "copse/status.h"
#include "copse/text.h"
#include "cli-cmd.h"
#include "cli-print.h"

static int entry_apply(struct cli *c, struct entry *e)
{
	const char *v;
	int rc;

	if ((v = cli_opt(c, "title")))
		cli_set_str(&e->title, v);
	if ((v = cli_opt(c, "kind")))
		cli_set_str(&e->kind, v);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&e->status, v);
	if ((v = cli_opt(c, "tags")) && (rc = cli_set_tags(&e->tags, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "file")) && (rc = cli_read_field(&e->body, v)) != 0)
		return rc;
	return 0;
}

static int get_entry(struct cli *c, const char *arg, struct entry *e)
{
	int64_t id;
	int rc, status;

	entry_init(e);
	if ((rc = cli_parse_id(arg, "entry", &id)) != 0)
		return rc;
	if ((status = entry_get(c->db, id, e)) != COPSE_OK)
		return cli_fail(c, status);
	return 0;
}

int cmd_entry_add(struct cli *c)
{
	struct entry e;
	int rc;

	entry_init(&e);
	cli_set_str(&e.title, c->pos[0]);
	if ((rc = entry_apply(c, &e)) == 0) {
		int status = entry_add(c->db, &e);
		rc = print_id(c, status, e.id);
	}
	entry_done(&e);
	return rc;
}

int cmd_entry_edit(struct cli *c)
{
	struct entry e;
	int rc;

	if ((rc = get_entry(c, c->pos[0], &e)) == 0 &&
	    (rc = entry_apply(c, &e)) == 0)
		rc = cli_check(c, entry_update(c->db, &e));
	entry_done(&e);
	return rc;
}

int cmd_entry_list(struct cli *c)
{
	struct entry_filter f = { cli_opt(c, "tag"), cli_opt(c, "kind"), NULL, 0 };
	struct entry *v;
	size_t n;
	int status = entry_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_entry(&j, &v[i], 0);
			json_end_object(&j);
		}
		json_end_array(&j);
		entry_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">ID", "KIND", "UPDATED", "TITLE", "TAGS");
	t.maxw[3] = 48;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_safe(c, v[i].kind),
				print_time(c, v[i].updated, "%Y-%m-%d"),
				print_safe(c, v[i].title), print_joined(c, &v[i].tags));
	print_table_out(c, &t, 1);
	entry_list_free(v, n);
	return 0;
}

int cmd_entry_show(struct cli *c)
{
	struct entry e;
	int rc;

	if ((rc = get_entry(c, c->pos[0], &e)) != 0)
		return rc;
	if (cli_flag(c, "raw") && !c->tty) {
		fwrite(e.body ? e.body : "", 1, e.body ? strlen(e.body) : 0, stdout);
	} else if (cli_flag(c, "raw")) {
		/* The stored bytes, exactly, go to pipes and files; a terminal
		 * gets them with control characters made visible, so nothing
		 * from the database is ever sent to it as an escape sequence. */
		char *safe = text_sanitize(e.body, e.body ? strlen(e.body) : 0,
					   TEXT_KEEP_NEWLINE);
		if (!safe)
			cli_nomem();
		fputs(safe, stdout);
		free(safe);
	} else if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;
		struct entry *bl = NULL;
		size_t nbl = 0;
		int status = entry_backlinks(c->db, e.title, &bl, &nbl);

		if (status != COPSE_OK) {
			entry_done(&e);
			return cli_fail(c, status);
		}
		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_entry(&j, &e, 1);
		json_key(&j, "backlinks");
		json_begin_array(&j);
		for (size_t i = 0; i < nbl; i++) {
			json_begin_object(&j);
			json_kv_int(&j, "id", bl[i].id);
			json_kv_str(&j, "title", bl[i].title);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
		entry_list_free(bl, nbl);
		rc = print_json_end(&j, &b);
	} else {
		int ansi = c->tty && !getenv("NO_COLOR");
		struct md_opts mo = { print_width(), c->ascii };
		struct md_doc doc = { 0 };
		struct strv titles, existing;
		struct buf b;
		const char *tags = print_joined(c, &e.tags);
		int rendered;

		buf_init(&b);
		strv_init(&titles);
		strv_init(&existing);
		rendered = md_render(e.body ? e.body : "", e.body ? strlen(e.body) : 0, &mo,
				     &doc) == 0 && md_doc_wiki_titles(&doc, &titles) == 0;
		if (rendered) {
			/* a failed look-up shows the links as missing */
			entry_titles_exist(c->db, &titles, &existing);
			md_doc_mark_missing(&doc, &existing);
		}
		strv_done(&titles);
		strv_done(&existing);
		if (!rendered || md_doc_text(&doc, ansi ? MD_ANSI : MD_PLAIN, &b) != 0) {
			md_doc_free(&doc);
			buf_done(&b);
			entry_done(&e);
			return cli_fail_msg(COPSE_NOMEM, "out of memory rendering entry %lld",
					    (long long)e.id);
		}
		md_doc_free(&doc);
		printf(ansi ? "\033[1m%s\033[0m\n" : "%s\n", print_safe(c, e.title));
		printf("%s%s%s · %s · %s · version %d%s\n\n", ansi ? "\033[2m" : "",
		       print_safe(c, e.kind), *tags ? print_fmt(c, " · %s", tags) : "",
		       print_safe(c, e.author), print_time(c, e.updated, "%Y-%m-%d"), e.version,
		       ansi ? "\033[0m" : "");
		print_buf(&b);
		buf_done(&b);
	}
	entry_done(&e);
	return rc;
}

int cmd_entry_history(struct cli *c)
{
	struct revision *v;
	size_t n;
	int64_t id;
	int rc, status;

	/* entry_history of an unknown id is an empty list: say so instead. */
	{
		struct entry e;

		rc = get_entry(c, c->pos[0], &e);
		id = e.id;
		entry_done(&e);
		if (rc)
			return rc;
	}
	if ((status = entry_history(c->db, id, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			struct strv tags;

			strv_init(&tags);
			strv_split(&tags, v[i].tags, ',');
			json_begin_object(&j);
			json_kv_int(&j, "entry_id", v[i].entry_id);
			json_kv_int(&j, "version", v[i].version);
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, "kind", v[i].kind);
			json_kv_strv(&j, "tags", &tags);
			json_kv_str(&j, "author", v[i].author);
			json_kv_str(&j, "at", v[i].at);
			json_kv_str(&j, "body", v[i].body);
			json_end_object(&j);
			strv_done(&tags);
		}
		json_end_array(&j);
		revision_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">VERSION", "WHEN", "AUTHOR", ">BYTES", "TITLE");
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%d", v[i].version),
				print_time(c, v[i].at, PRINT_WHEN), print_safe(c, v[i].author),
				print_fmt(c, "%zu", strlen(v[i].body ? v[i].body : "")),
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	revision_list_free(v, n);
	return 0;
}
