/* What every unit test includes: cmocka needs these before its header. */
#ifndef SLO_TESTS_TESTING_H
#define SLO_TESTS_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
