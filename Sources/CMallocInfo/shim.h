#ifndef KALKYL_CMALLOCINFO_SHIM_H
#define KALKYL_CMALLOCINFO_SHIM_H
/* glibc's malloc statistics (mallinfo2), for the benchmark's count of the bytes a workbook holds. */
#include <malloc.h>
#endif
