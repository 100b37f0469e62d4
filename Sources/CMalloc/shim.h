#ifndef KALKYL_CMALLOC_SHIM_H
#define KALKYL_CMALLOC_SHIM_H
/* glibc's malloc: its statistics (mallinfo2, the benchmark's count of the bytes a workbook holds)
   and its tuning. */
#include <malloc.h>

/* Keeps memory a program frees for its next use instead of handing it back to the system at once.
   By default glibc maps large blocks (from 128 KB, a threshold that moves) and gives them back on
   free, and trims the heap's free top: an edit of a large workbook, which allocates and frees
   tens of megabytes of cone, order and changes, then spends a third of its time faulting the same
   pages in again (alloc 100 000: 72 ms an edit instead of 48). Up to 64 MB a block comes from the
   heap, and up to 128 MB of free heap is kept. */
static inline void kalkyl_keep_freed_memory(void) {
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}
#endif
