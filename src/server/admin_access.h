// Who may use which command of the metadata and query APIs, as Hasura decides it once the
// request's session is known: the admin role may use everything; other roles only the legacy
// data commands of /v1/query (select, count, insert, update, delete, and a bulk of only
// those). Stateless, thread-safe.
#pragma once

#include <boost/json/value.hpp>

#include "common/result.h"
#include "common/session.h"

namespace graft::server {

// The refusal Hasura gives a non-admin session: 400 access-denied
// "restricted access : admin only" at $.args.
Error adminOnly();

// Whether `command` ({"type", "args"}) is a data command a non-admin role may send to
// /v1/query.
bool isDataCommand(const boost::json::value& command);

}  // namespace graft::server
