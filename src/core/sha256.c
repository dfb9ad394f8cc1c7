/* sha256.c - SHA-256 as hex, over libsodium's crypto_hash_sha256 */
#include <config.h>

#include "core/sha256.h"

void
sha256_init(struct sha256 *s)
{
	crypto_hash_sha256_init(&s->st);
}

void
sha256_update(struct sha256 *s, const void *data, size_t n)
{
	crypto_hash_sha256_update(&s->st, data, n);
}

void
sha256_hex(struct sha256 *s, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_final(&s->st, d);
	sodium_bin2hex(out, 65, d, sizeof d);
}
