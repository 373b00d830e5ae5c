#ifndef TOWNHALL_BYTE_SCAN_H
#define TOWNHALL_BYTE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/// Whether `bytes` hold a control character that HTML and XML forbid: a byte below 0x20
/// other than tab, line feed and carriage return, or DEL (0x7F).
bool townhall_has_control(const unsigned char *bytes, size_t count);

#endif
