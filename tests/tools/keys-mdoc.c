/* keys-mdoc - print the KEYS list of man/copse.1 from the key table
 * (include/copse/keys.h), so the man page, the help screen and the
 * dispatcher come from the same list.  Paste the output between the
 * "BEGIN KEYS" and "END KEYS" comments of man/copse.1. */
#include <stdio.h>

#include "copse/keys.h"

int main(void)
{
	keys_print_mdoc(stdout);
	return fflush(stdout) == 0 ? 0 : 1;
}
