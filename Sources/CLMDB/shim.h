#ifndef HARBOUR_CLMDB_SHIM_H
#define HARBOUR_CLMDB_SHIM_H
#include <lmdb.h>
#endif
