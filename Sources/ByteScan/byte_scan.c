#include "byte_scan.h"

// Every byte of every page a build writes is scanned. Written as a loop over a block with no
// early exit, so the compiler turns it into vector compares (16 or 32 bytes at a time); the
// eight-bytes-at-a-time scan in Swift it replaces ran at about 3 GB/s. The blocks bound the
// work done past a hit.
bool townhall_has_control(const unsigned char *bytes, size_t count) {
    enum { block = 4096 };
    for (size_t start = 0; start < count; start += block) {
        size_t end = count - start > block ? start + block : count;
        unsigned char found = 0;
        for (size_t i = start; i < end; i++) {
            unsigned char b = bytes[i];
            found |= (unsigned char)((b < 0x20) & (b != 9) & (b != 10) & (b != 13)) | (unsigned char)(b == 0x7F);
        }
        if (found) return true;
    }
    return false;
}
