// Tracked functions and computed fields in a role's schema: <function>(args: ...) and
// <function>_aggregate on query_root for functions returning SETOF a table the role can select,
// and computed fields on the row type (scalars, or rows of a table), with Hasura's
// <function>_args input types.
#include <algorithm>

#include "schema/builder.h"

namespace graft::schema {

std::string RoleSchemaBuilder::argumentsType(const pg::Function& function,
                                             std::optional<size_t> row_argument,
                                             std::optional<size_t> session_argument) {
  std::string name = (function.name.schema == "public" ? "" : function.name.schema + "_") +
                     function.name.name + "_args";
  bool any = false;
  for (size_t i = 0; i < function.arguments.size(); ++i) {
    any = any || (i != row_argument && i != session_argument && function.arguments[i].name);
  }
  if (!any) return "";
  // A function that is both a root field and a computed field has one <function>_args, with
  // every argument but the session's: a computed field fills in its row argument itself.
  std::optional<graphql::TypeBuilder> input = builder_.existing(name);
  if (!input) input = builder_.inputObject(name);
  for (size_t i = 0; i < function.arguments.size(); ++i) {
    const pg::FunctionArgument& argument = function.arguments[i];
    if (i == row_argument || i == session_argument || !argument.name) continue;
    if (input->hasInputField(*argument.name)) continue;
    // A row type argument is a scalar of its own, given as the row's text form: Hasura
    // suffixes _scalar so as not to clash with the table's object type.
    std::string scalar = argument.type_kind == 'c' ? argument.type.name + "_scalar"
                                                   : scalarOf(columnOfType(argument.type)).name;
    ensureScalar(scalar);
    input->inputField(*argument.name, scalar);
  }
  return name;
}

// Whether a request must give `args`: some argument it supplies has no default.
static bool argumentsRequired(const pg::Function& function, std::optional<size_t> row_argument,
                              std::optional<size_t> session_argument) {
  for (size_t i = 0; i < function.arguments.size(); ++i) {
    if (i != row_argument && i != session_argument && !function.arguments[i].has_default) {
      return true;
    }
  }
  return false;
}

void RoleSchemaBuilder::addFunctions(uint32_t s) {
  const metadata::ResolvedSource& source = out_->resolved_->sources[s];
  for (uint32_t f = 0; f < source.functions.size(); ++f) {
    const metadata::ResolvedFunction& function = source.functions[f];
    uint32_t t = static_cast<uint32_t>(function.table);
    const TableAccess& allowed = access(s, t);
    // Hasura infers a function's permission from its table's select permission.
    if (!allowed.select) continue;
    const pg::Function& pg_function = *function.function;
    std::string base = baseName(table(s, t));
    std::string args_type = argumentsType(pg_function, std::nullopt, function.session_argument);
    bool required = argumentsRequired(pg_function, std::nullopt, function.session_argument);
    graphql::TypeBuilder root = *builder_.existing("query_root");
    std::string description =
        function.comment.value_or("execute function \"" + pg_function.name.display() +
                                  "\" which returns \"" + table(s, t).table->name.display() + "\"");
    auto addArgs = [&](graphql::ArgumentsBuilder args) {
      if (!args_type.empty()) {
        args.argument("args", args_type + (required ? "!" : ""),
                      "input parameters for function \"" + function.graphql_name + "\"");
      }
      listArguments(args, s, t);
    };
    any_root_field_ = true;
    addArgs(root.field(function.graphql_name, "[" + base + "!]!", description,
                       tag({FieldKind::kFunction, s, t, f})));
    if (allowed.aggregations) {
      addArgs(root.field(
          function.graphql_name + "_aggregate", base + "_aggregate!",
          function.comment.value_or("execute function \"" + pg_function.name.display() +
                                    "\" and query aggregates on result of table type \"" +
                                    table(s, t).table->name.display() + "\""),
          tag({FieldKind::kFunctionAggregate, s, t, f})));
    }
  }
}

bool RoleSchemaBuilder::computedFieldAllowed(uint32_t s, uint32_t t,
                                             const std::string& name) const {
  if (admin()) return true;
  const metadata::RolePermissions* permissions = table(s, t).permissionsOf(out_->role_);
  if (permissions == nullptr || !permissions->select) return false;
  return std::ranges::find(permissions->select->computed_fields, name) !=
         permissions->select->computed_fields.end();
}

void RoleSchemaBuilder::addComputedFields(uint32_t s, uint32_t t, graphql::TypeBuilder row) {
  const metadata::ResolvedTable& info = table(s, t);
  TableNames& names = out_->names_[s][t];
  for (uint32_t c = 0; c < info.computed_fields.size(); ++c) {
    const metadata::ResolvedComputedField& field = info.computed_fields[c];
    // A permission lists the scalar computed fields a role may select; one returning rows of
    // a table follows that table's select permission, as in Hasura.
    if (!field.table && !computedFieldAllowed(s, t, field.name)) continue;
    const pg::Function& function = *field.function;
    std::string args_type = argumentsType(function, field.row_argument, field.session_argument);
    bool required = argumentsRequired(function, field.row_argument, field.session_argument);
    std::string description = field.comment.value_or("A computed field, executes function \"" +
                                                     function.name.display() + "\"");
    // Rows of a table the role can select (a list taking the list arguments), or a scalar.
    std::optional<uint32_t> target;
    std::string type;
    if (field.table) {
      target = static_cast<uint32_t>(*field.table);
      if (!access(s, *target).select) continue;
      type = "[" + baseName(table(s, *target)) + "!]!";
    } else {
      type = scalarOf(columnOfType(function.return_type)).name;
      ensureScalar(type);
    }
    auto args = row.field(field.name, type, description, tag({FieldKind::kComputedField, s, t, c}));
    if (!args_type.empty()) {
      args.argument("args", args_type + (required ? "!" : ""),
                    "input parameters for computed field \"" + field.name +
                        "\" defined on table \"" + info.table->name.display() + "\"");
    } else {
      names.computed_fields.emplace(field.name, c);
    }
    if (target) listArguments(args, s, *target);
  }
}

}  // namespace graft::schema
