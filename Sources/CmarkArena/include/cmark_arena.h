#ifndef TOWNHALL_CMARK_ARENA_H
#define TOWNHALL_CMARK_ARENA_H

#include <stddef.h>

/* A per-thread bump allocator for libcmark (see arena.c). */

/* The allocator as libcmark's `cmark_mem` (same layout: calloc, realloc, free). */
typedef struct townhall_arena_mem {
    void *(*calloc)(size_t, size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
} townhall_arena_mem;

/* The calling thread's place in its arena, to go back to. */
typedef struct townhall_arena_mark {
    void *chunk;
    size_t used;
} townhall_arena_mark;

/* The allocator, shared by every thread: each allocates from its own arena. */
townhall_arena_mem *townhall_arena_allocator(void);

/* Where the calling thread's arena is now. */
townhall_arena_mark townhall_arena_here(void);

/* Gives back everything the calling thread allocated since `mark` (marks are released
   innermost first). */
void townhall_arena_release(townhall_arena_mark mark);

/* The bytes the calling thread's arena holds, used or not (for tests). */
size_t townhall_arena_reserved(void);

#endif
