/* sha256.h - SHA-256, through libsodium: to recognise a file imported
 * before, and to chain the audit log's rows */
#ifndef MD_SHA256_H
#define MD_SHA256_H

#include <stddef.h>

#include <sodium.h>

struct sha256 {
	crypto_hash_sha256_state st;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* The digest as 64 lowercase hex digits. */
void sha256_hex(struct sha256 *s, char out[65]);

#endif
