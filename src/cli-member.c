/* cli-member.c - the member commands: member add, list, show, edit, link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int cmd_member_edit(struct cli *c)
{
	struct member m;
	int rc;

	member_init(&m);
	if ((rc = cli_check(c, member_find(c->db, c->pos[0], &m))) == 0 &&
	    (rc = member_apply(c, &m)) == 0)
		rc = cli_check(c, member_update(c->db, &m));
	member_done(&m);
	return rc;
}

int cmd_member_list(struct cli *c)
{
	struct member_filter f = { cli_opt(c, "status"), cli_opt(c, "tag"), NULL };
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
			json_end_object(&j);
		}
		json_end_array(&j);
		member_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 6, ">ID", "NAME", "HANDLE", "STATUS", "ROLE", "EXPERTISE");
	t.maxw[1] = 32;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_safe(c, v[i].name), print_safe(c, v[i].handle),
				print_safe(c, v[i].status), print_safe(c, v[i].role),
				print_joined(c, &v[i].expertise));
	print_table_out(c, &t, 1);
	member_list_free(v, n);
	return 0;
}

int cmd_member_show(struct cli *c)
{
	struct member m;
	struct connection *k = NULL;
	size_t nk = 0;
	int status;

	member_init(&m);
	if ((status = member_find(c->db, c->pos[0], &m)) != COPSE_OK ||
	    (status = member_connections(c->db, m.id, &k, &nk)) != COPSE_OK) {
		member_done(&m);
		return cli_fail(c, status);
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
		json_end_object(&j);
		connection_list_free(k, nk);
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
	connection_list_free(k, nk);
	member_done(&m);
	return 0;
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
