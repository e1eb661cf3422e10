// Result<T>: the return type of every fallible function inside Graft (std::expected with
// graft::Error), and GRAFT_TRY / GRAFT_CO_TRY to propagate failures without exceptions.
#pragma once

#include <expected>
#include <utility>

#include "common/error.h"

namespace graft {

template <typename T>
using Result = std::expected<T, Error>;

using Status = Result<void>;

inline Status ok() { return {}; }

}  // namespace graft

#define GRAFT_CONCAT_INNER(a, b) a##b
#define GRAFT_CONCAT(a, b) GRAFT_CONCAT_INNER(a, b)

// GRAFT_TRY(lhs, expr): evaluates expr (a Result); on failure returns its error from the
// enclosing function, otherwise moves the value into lhs ("auto x" or an existing variable).
#define GRAFT_TRY(lhs, expr) GRAFT_TRY_IMPL(GRAFT_CONCAT(graft_try_, __LINE__), lhs, expr, return )
// GRAFT_CO_TRY(lhs, expr): the same inside a coroutine.
#define GRAFT_CO_TRY(lhs, expr) \
  GRAFT_TRY_IMPL(GRAFT_CONCAT(graft_try_, __LINE__), lhs, expr, co_return )

#define GRAFT_TRY_IMPL(tmp, lhs, expr, ret)                          \
  auto tmp = (expr);                                                 \
  if (!tmp.has_value()) ret std::unexpected(std::move(tmp).error()); \
  lhs = std::move(*tmp)

// GRAFT_CHECK(expr): for Status-returning expressions whose value is void.
#define GRAFT_CHECK(expr) GRAFT_CHECK_IMPL(GRAFT_CONCAT(graft_chk_, __LINE__), expr, return )
#define GRAFT_CO_CHECK(expr) GRAFT_CHECK_IMPL(GRAFT_CONCAT(graft_chk_, __LINE__), expr, co_return )
#define GRAFT_CHECK_IMPL(tmp, expr, ret)                               \
  do {                                                                 \
    auto tmp = (expr);                                                 \
    if (!tmp.has_value()) ret std::unexpected(std::move(tmp).error()); \
  } while (false)
