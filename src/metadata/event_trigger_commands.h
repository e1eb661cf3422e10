// The event trigger commands, pg_create_event_trigger / create_event_trigger and
// pg_delete_event_trigger / delete_event_trigger: checked as Hasura checks them (name, operations,
// webhook, the table tracked, its columns) and stored in the table's `event_triggers` as Hasura
// exports them. Nothing is delivered yet: the Postgres triggers and the webhook calls come with
// the event triggers issue. Pure functions of their inputs; any thread.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/result.h"
#include "pg/catalog.h"

namespace graft::metadata {

// `catalog`: the source's, with the trigger's table in it (its columns are checked).
Status createEventTrigger(boost::json::object& metadata, const pg::Catalog& catalog,
                          const boost::json::value& args);
Status deleteEventTrigger(boost::json::object& metadata, const boost::json::value& args);

// The source an event trigger command is about ("default" unless given).
std::string eventTriggerSource(const boost::json::value& args);

}  // namespace graft::metadata
