/* cli-member.c - the member commands: member add, list, show, edit, link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/health.h"
#include "copse/member.h"
#include "copse/status.h"
#include "cli-cmd.h"
#include "cli-print.h"

/* Apply the options given to m; returns an exit status (0 ok). */
static int member_apply(struct cli *c, struct member *m)
{
	const char *v;
	char day[11];
	int rc;

	if ((v = cli_opt(c, "name")))
		cli_set_str(&m->name, v);
	if ((v = cli_opt(c, "handle")))
		cli_set_str(&m->handle, v);
	if ((v = cli_opt(c, "email")))
		cli_set_str(&m->email, v);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&m->status, v);
	if ((v = cli_opt(c, "role")))
		cli_set_str(&m->role, v);
	if ((v = cli_opt(c, "joined"))) {
		if (!*v) {
			cli_set_str(&m->joined, NULL);
		} else {
			if ((rc = cli_parse_date("joined", v, day)) != 0)
				return rc;
			cli_set_str(&m->joined, day);
		}
	}
	if ((v = cli_opt(c, "expertise")) && (rc = cli_set_tags(&m->expertise, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "interest")) && (rc = cli_set_tags(&m->interest, v)) != 0)
		return rc;
	if ((v = cli_opt(c, "bio-file")) && (rc = cli_read_field(&m->bio, v)) != 0)
		return rc;
	return 0;
}

/* The id of MEMBER (an id or a handle); a store status. */
int cli_member_id(struct cli *c, const char *key, int64_t *id)
{
	struct member m;
	int status;

	member_init(&m);
	status = member_find(c->db, key, &m);
	*id = m.id;
	member_done(&m);
	return status;
}

int cmd_member_add(struct cli *c)
{
	struct member m;
	int rc;

	member_init(&m);
	cli_set_str(&m.name, c->pos[0]);
	if ((rc = member_apply(c, &m)) == 0) {
		int status = member_add(c->db, &m);
		rc = print_id(c, status, m.id);
	}
	member_done(&m);
	return rc;
}

static void snap_member(struct json *j, const void *m)
{
	json_begin_object(j);
	print_json_member(j, m);
	json_end_object(j);
}

int cmd_member_edit(struct cli *c)
{
	struct cli_edit ed;
	struct member m;
	int rc;

	member_init(&m);
	if ((rc = cli_check(c, member_find(c->db, c->pos[0], &m))) == 0) {
		cli_edit_start(&ed, "member", m.id, print_snapshot(snap_member, &m), m.bio);
		if ((rc = member_apply(c, &m)) == 0 &&
		    cli_edit_save(c, &ed, print_snapshot(snap_member, &m), m.bio, "bio-file", &rc))
			rc = cli_check(c, member_update(c->db, &m));
		cli_edit_done(&ed);
	}
	member_done(&m);
	return rc;
}

int cmd_member_list(struct cli *c)
{
	struct member_filter f = { cli_opt(c, "status"), cli_opt(c, "tag"), NULL,
				   cli_opt(c, "knows") };
	struct member *v;
	size_t n;
	int status = member_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_member(&j, &v[i]);
			if (f.knows)
				json_kv_str(&j, "knows", v[i].knows == 2 ? "expertise" : "interest");
			json_end_object(&j);
		}
		json_end_array(&j);
		member_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	if (f.knows) {
		/* who knows about X: expertise first, then interest, labelled */
		print_table_init(&t, NULL, 5, ">ID", "NAME", "HANDLE", "KNOWS", "STATUS");
		t.empty = "no members";
		t.maxw[1] = 32;
		for (size_t i = 0; i < n; i++)
			print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
					print_safe(c, v[i].name), print_safe(c, v[i].handle),
					v[i].knows == 2 ? "expertise" : "interest",
					print_safe(c, v[i].status));
	} else {
		print_table_init(&t, NULL, 6, ">ID", "NAME", "HANDLE", "STATUS", "ROLE",
				 "EXPERTISE");
		t.empty = "no members";
		t.maxw[1] = 32;
		for (size_t i = 0; i < n; i++)
			print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
					print_safe(c, v[i].name), print_safe(c, v[i].handle),
					print_safe(c, v[i].status), print_safe(c, v[i].role),
					print_joined(c, &v[i].expertise));
	}
	print_table_out(c, &t, 1);
	member_list_free(v, n);
	return 0;
}

int cmd_member_show(struct cli *c)
{
	struct member m;
	struct connection *k = NULL;
	struct health_level *lv = NULL;
	struct health_level_filter lf = { NULL, 0, LEVEL_NONE, 1, 0 };
	struct member_firsts fi;
	struct devnote *dn = NULL;
	size_t nk = 0, nlv = 0, ndn = 0;
	char why[256] = "";
	int status;

	member_init(&m);
	member_firsts_init(&fi);
	if ((status = member_find(c->db, c->pos[0], &m)) == COPSE_OK)
		lf.member_id = m.id;
	if (status != COPSE_OK ||
	    (status = member_connections(c->db, m.id, &k, &nk)) != COPSE_OK ||
	    (status = health_levels(c->db, &lf, &lv, &nlv)) != COPSE_OK ||
	    (status = member_firsts(c->db, m.id, &fi)) != COPSE_OK ||
	    (status = member_notes(c->db, m.id, &dn, &ndn)) != COPSE_OK) {
		connection_list_free(k, nk);
		health_level_list_free(lv, nlv);
		member_firsts_done(&fi);
		member_done(&m);
		return cli_fail(c, status);
	}
	if (nlv) {
		char now[ISO_LEN];

		time_now_iso(now);
		health_explain(&lv[0], health_window(c->db), now, why, sizeof why);
	}
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_member(&j, &m);
		json_key(&j, "connections");
		json_begin_array(&j);
		for (size_t i = 0; i < nk; i++)
			print_json_connection(&j, &k[i]);
		json_end_array(&j);
		json_kv_str(&j, "level", nlv ? health_level_name(lv[0].level) : NULL);
		json_kv_str(&j, "explanation", nlv ? why : NULL);
		json_key(&j, "firsts");
		json_begin_object(&j);
		json_kv_str(&j, "added", fi.added);
		json_kv_str(&j, "joined", fi.joined);
		json_kv_str(&j, "attended", fi.attended);
		json_kv_id(&j, "meeting_id", fi.meeting_id);
		json_kv_str(&j, "note", fi.note);
		json_kv_str(&j, "entry", fi.entry);
		json_kv_id(&j, "entry_id", fi.entry_id);
		json_kv_str(&j, "introduction", fi.intro);
		json_kv_id(&j, "introduced_to", fi.intro_id);
		json_end_object(&j);
		json_key(&j, "devnotes");
		json_begin_array(&j);
		for (size_t i = 0; i < ndn; i++) {
			json_begin_object(&j);
			json_kv_int(&j, "id", dn[i].id);
			json_kv_str(&j, "author", dn[i].author);
			json_kv_str(&j, "body", dn[i].body);
			json_kv_str(&j, "created", dn[i].created);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
		connection_list_free(k, nk);
		health_level_list_free(lv, nlv);
		member_firsts_done(&fi);
		devnote_list_free(dn, ndn);
		member_done(&m);
		return print_json_end(&j, &b);
	}
	printf("Member %lld: %s\n", (long long)m.id, print_safe(c, m.name));
	print_field("Handle:", print_safe(c, m.handle));
	print_field("Email:", print_safe(c, m.email));
	print_field("Status:", print_safe(c, m.status));
	print_field("Role:", print_safe(c, m.role));
	print_field("Joined:", print_safe(c, m.joined));
	print_field("Expertise:", print_joined(c, &m.expertise));
	print_field("Interest:", print_joined(c, &m.interest));
	print_field("Level:", print_safe(c, why));
	if (fi.added) {
		printf("Timeline:\n");
		printf("  %s  added\n", print_time(c, fi.added, "%Y-%m-%d"));
		if (fi.joined)
			printf("  %s  joined\n", print_safe(c, fi.joined));
		if (fi.attended)
			printf("  %s  first attended: %s\n", print_time(c, fi.attended, "%Y-%m-%d"),
			       print_safe(c, fi.meeting_title));
		if (fi.note)
			printf("  %s  first note\n", print_time(c, fi.note, "%Y-%m-%d"));
		if (fi.entry)
			printf("  %s  first entry: %s\n", print_time(c, fi.entry, "%Y-%m-%d"),
			       print_safe(c, fi.entry_title));
		if (fi.intro)
			printf("  %s  first introduction: to %s\n", print_time(c, fi.intro, "%Y-%m-%d"),
			       print_safe(c, fi.intro_name));
	}
	if (nk) {
		struct print_table t;

		printf("Connections:\n");
		print_table_init(&t, "  ", 4, "KIND", "WITH", "WHEN", "NOTE");
		for (size_t i = 0; i < nk; i++) {
			const char *other = k[i].a == m.id ? k[i].b_name : k[i].a_name;
			print_table_row(&t, print_safe(c, k[i].kind), print_safe(c, other),
					print_time(c, k[i].at, "%Y-%m-%d"),
					print_safe(c, k[i].note));
		}
		print_table_out(c, &t, 0);
	}
	if (!str_empty(m.bio)) {
		printf("Bio:\n");
		print_block(print_safe_lines(c, m.bio));
	}
	if (ndn) {
		printf("Development notes:\n");
		for (size_t i = 0; i < ndn; i++) {
			printf("  %s %s:\n", print_time(c, dn[i].created, "%Y-%m-%d"),
			       print_safe(c, dn[i].author));
			print_block(print_safe_lines(c, dn[i].body));
		}
	}
	connection_list_free(k, nk);
	health_level_list_free(lv, nlv);
	member_firsts_done(&fi);
	devnote_list_free(dn, ndn);
	member_done(&m);
	return 0;
}

int cmd_member_note(struct cli *c)
{
	const char *text = c->pos[1];
	char *in = NULL;
	int64_t id = 0, note = 0;
	int status, rc;

	if (strcmp(text, "-") == 0 && c->npos == 2) {
		if ((rc = cli_read_input("-", &in, NULL)) != 0)
			return rc;
		text = in;
	} else {
		text = cli_join_pos(c, 1);
	}
	status = cli_member_id(c, c->pos[0], &id);
	if (status == COPSE_OK)
		status = member_note_add(c->db, id, text, &note);
	free(in);
	return print_id(c, status, note);
}

int cmd_member_link(struct cli *c)
{
	int64_t a = 0, b = 0, id = 0;
	int status;

	status = cli_member_id(c, c->pos[0], &a);
	if (status == COPSE_OK)
		status = cli_member_id(c, c->pos[1], &b);
	if (status == COPSE_OK)
		status = member_link(c->db, a, b,
				     cli_opt(c, "kind") ? cli_opt(c, "kind") : "introduced",
				     cli_opt(c, "note") ? cli_opt(c, "note") : "", &id);
	return print_id(c, status, id);
}
