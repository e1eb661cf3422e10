// Tracked functions and computed fields in the SQL: a function returning SETOF a table read in
// FROM in place of the table (filters, ordering, limits and permissions as for the table), a
// scalar computed field as a call over the row, its arguments bound as parameters and the
// session passed as json where the function asks for it.
#include <boost/json/serialize.hpp>

#include "planner/query_builder.h"
#include "schema/scalars.h"

namespace graft::planner {

namespace bj = boost::json;
namespace sql = pg::sql;

std::string QueryBuilder::sessionJson() const {
  bj::object session;
  session["x-hasura-role"] = session_.role;
  for (const auto& [name, value] : session_.variables) session[name] = value;
  return bj::serialize(session);
}

Result<std::vector<sql::Expr>> QueryBuilder::functionArguments(
    const pg::Function& function, const graphql::NormalizedField* field,
    std::optional<size_t> row_argument, const std::string& row_alias,
    std::optional<size_t> session_argument, const std::string& path) {
  std::optional<bj::value> given;
  if (field != nullptr) given = argument(*field, "args");
  const bj::object* args = given && given->is_object() ? &given->get_object() : nullptr;
  // Positional arguments, up to the last one the call needs; an argument left out before it
  // (having a default) is passed as NULL, as positional notation cannot skip it.
  size_t count = 0;
  for (size_t i = 0; i < function.arguments.size(); ++i) {
    const pg::FunctionArgument& argument = function.arguments[i];
    bool supplied = i == row_argument || i == session_argument || !argument.has_default ||
                    (args != nullptr && argument.name && args->contains(*argument.name));
    if (supplied) count = i + 1;
  }
  std::vector<sql::Expr> out;
  for (size_t i = 0; i < count; ++i) {
    const pg::FunctionArgument& argument = function.arguments[i];
    pg::Column type = schema::columnOfType(argument.type);
    if (i == row_argument) {
      out.push_back(sql::wholeRow(row_alias));
    } else if (i == session_argument) {
      out.push_back(sql::param(params_.add(sessionJson()), "json"));
    } else if (const bj::value* value =
                   args != nullptr && argument.name ? args->if_contains(*argument.name) : nullptr) {
      // A row type argument takes the row's text form, e.g. "(1,Roger,Chris)".
      if (argument.type_kind == 'c' && !value->is_null() && !value->is_string()) {
        return std::unexpected(
            Error::validationFailed("A string is expected for type: " + argument.type.name)
                .withPath(path + ".args.args." + *argument.name));
      }
      out.push_back(value->is_null() ? sql::cast(sql::null(), typeText(type))
                                     : this->value(*value, type));
    } else if (argument.has_default) {
      out.push_back(sql::cast(sql::null(), typeText(type)));
    } else {
      return std::unexpected(Error::validationFailed("missing required argument \"" +
                                                     argument.name.value_or("") + "\"")
                                 .withPath(path + ".args.args"));
    }
  }
  return out;
}

Result<sql::Expr> QueryBuilder::computedField(uint32_t t, const std::string& row_alias,
                                              const metadata::ResolvedComputedField& computed,
                                              const graphql::NormalizedField* field,
                                              const std::string& path) {
  const pg::Function& function = *computed.function;
  GRAFT_TRY(auto args, functionArguments(function, field, computed.row_argument, row_alias,
                                         computed.session_argument, path));
  if (computed.table) {
    if (field == nullptr) {
      return std::unexpected(
          Error::validationFailed("a table computed field cannot be compared").withPath(path));
    }
    return list(static_cast<uint32_t>(*computed.table), std::nullopt, *field, false, path,
                FunctionRows{&function, std::move(args)});
  }
  static_cast<void>(t);
  sql::FuncCall call{.name = function.name.name, .args = std::move(args)};
  call.schema = function.name.schema;
  return sql::call(std::move(call));
}

Result<sql::Expr> QueryBuilder::functionRoot(const schema::FieldInfo& info,
                                             const graphql::NormalizedField& field, bool aggregate,
                                             const std::string& path, pg::JsonShape* shape) {
  const metadata::ResolvedFunction& function =
      schema_.resolved().sources[source_].functions[info.index];
  GRAFT_TRY(auto args, functionArguments(*function.function, &field, std::nullopt, "",
                                         function.session_argument, path));
  return list(info.table, std::nullopt, field, aggregate, path,
              FunctionRows{function.function, std::move(args)}, shape);
}

}  // namespace graft::planner
