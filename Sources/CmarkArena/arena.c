/* A per-thread bump allocator for libcmark. A page's parse, walk and render make and free a
   few thousand small blocks (nodes, their literals, growing buffers); through malloc they were
   about a twentieth of a 10,000-page build's CPU. Here a block is a bump of a pointer, `free`
   gives back only the newest block, `realloc` of the newest block grows it in place, and the
   whole document goes at once when its mark is released (bench/README.md, eleventh pass).
   Blocks freed or outgrown inside a document are not used again before that, so a huge
   document peaks higher than through malloc: 364 MB against cmark's own 218 MB for 10 MB of
   Markdown, a page far larger than any handbook's. */

#include "cmark_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks carry their size just before them, 16 bytes so they stay 16-byte aligned. */
#define HEADER 16
#define ALIGN(n) (((n) + 15) & ~(size_t)15)
/* Enough for a typical page in one chunk. */
#define CHUNK_SIZE ((size_t)256 * 1024)
/* What an idle thread keeps; a huge page's chunks beyond it are freed when it is done. */
#define KEEP ((size_t)4 * 1024 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t size; /* bytes of data after the header */
    size_t used;
    size_t pad;  /* keeps data 16-byte aligned */
    unsigned char data[];
} chunk;

typedef struct arena {
    chunk *first;
    chunk *current;
    unsigned char *last; /* the newest block, which free and realloc may give back or grow */
} arena;

static _Thread_local arena local;
static pthread_key_t cleanup_key;
static pthread_once_t cleanup_once = PTHREAD_ONCE_INIT;

static void free_chunks(chunk *c) {
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

/* The thread's chunks go with the thread. */
static void thread_done(void *first) { free_chunks((chunk *)first); }

static void make_key(void) { pthread_key_create(&cleanup_key, thread_done); }

static chunk *new_chunk(size_t at_least) {
    size_t size = at_least > CHUNK_SIZE ? ALIGN(at_least) : CHUNK_SIZE;
    chunk *c = malloc(sizeof(chunk) + size);
    if (!c) abort(); /* as libcmark's own allocator does */
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

static void *bump(size_t size) {
    size_t need = HEADER + ALIGN(size ? size : 1);
    arena *a = &local;
    if (!a->current) {
        pthread_once(&cleanup_once, make_key);
        a->first = a->current = new_chunk(need);
        pthread_setspecific(cleanup_key, a->first);
    }
    chunk *c = a->current;
    while (c->size - c->used < need) {
        /* The next kept chunk when it is large enough, else a new one in front of it. */
        if (c->next && c->next->size >= need) {
            c = c->next;
            c->used = 0;
        } else {
            chunk *fresh = new_chunk(need);
            fresh->next = c->next;
            c->next = fresh;
            c = fresh;
        }
    }
    a->current = c;
    unsigned char *block = c->data + c->used + HEADER;
    *(size_t *)(block - HEADER) = size;
    c->used += need;
    a->last = block;
    return block;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *p = bump(count * size);
    memset(p, 0, count * size);
    return p;
}

static void *arena_realloc(void *p, size_t size) {
    if (!p) return bump(size);
    unsigned char *block = p;
    size_t old = *(size_t *)(block - HEADER);
    arena *a = &local;
    chunk *c = a->current;
    if (block == a->last) {
        /* The newest block: grown (or shrunk) where it is when the chunk has room. */
        size_t start = (size_t)(block - HEADER - c->data);
        size_t need = HEADER + ALIGN(size ? size : 1);
        if (start + need <= c->size) {
            c->used = start + need;
            *(size_t *)(block - HEADER) = size;
            return block;
        }
    }
    void *moved = bump(size);
    memcpy(moved, p, old < size ? old : size);
    return moved;
}

static void arena_free(void *p) {
    arena *a = &local;
    if (!p || p != a->last) return;
    /* The newest block goes back; older ones wait for the release of their mark. */
    a->current->used = (size_t)((unsigned char *)p - HEADER - a->current->data);
    a->last = NULL;
}

static townhall_arena_mem allocator = {arena_calloc, arena_realloc, arena_free};

townhall_arena_mem *townhall_arena_allocator(void) { return &allocator; }

townhall_arena_mark townhall_arena_here(void) {
    townhall_arena_mark mark = {local.current, local.current ? local.current->used : 0};
    return mark;
}

void townhall_arena_release(townhall_arena_mark mark) {
    arena *a = &local;
    if (!a->first) return;
    a->last = NULL;
    a->current = mark.chunk ? mark.chunk : a->first;
    a->current->used = mark.chunk ? mark.used : 0;
    if (a->current != a->first || a->first->used != 0) return;
    /* Nothing is left in the arena (the outermost document is done): the first chunk is kept
       for the next page, and the rest as long as they come to no more than KEEP, so that a
       thread that once parsed a huge page does not keep its memory. */
    size_t kept = a->first->size;
    chunk *c = a->first;
    while (c->next) {
        if (kept + c->next->size > KEEP) {
            free_chunks(c->next);
            c->next = NULL;
            break;
        }
        kept += c->next->size;
        c = c->next;
    }
}

size_t townhall_arena_reserved(void) {
    size_t total = 0;
    for (chunk *c = local.first; c; c = c->next) total += c->size;
    return total;
}
