// The legacy data API's `select` and `count` (/v1/query, /v2/query), answered by translating
// them to a GraphQL query against the session's role schema and running it through the same
// pipeline as /v1/graphql: one planner, one set of semantics. Column names of the request are
// Postgres names (mapped to the schema's GraphQL names here); v1 operators are `$eq` or `_eq`.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "common/json.h"
#include "execute/engine.h"
#include "metadata/table_commands.h"
#include "planner/plan.h"

namespace graft::execute {

namespace asio = boost::asio;
namespace bj = boost::json;
using metadata::argsError;  // Hasura's {"path", "error", "code"} errors of the query APIs

// Builds the GraphQL text and its variables for one command (declared in engine.h, where the
// engine's data API members take it).
class Translator {
 public:
  explicit Translator(const schema::RoleSchema& schema) : schema_(schema) {}

  struct Root {
    const graphql::Field* field;  // query_root.<table> or <table>_aggregate
    uint32_t table;
  };

  Result<Root> rootFor(const pg::QualifiedName& name, schema::FieldKind kind) const {
    const metadata::Resolved& resolved = schema_.resolved();
    for (const graphql::NamedType* root :
         {schema_.schema().queryType(), schema_.schema().mutationType()}) {
      if (root == nullptr) continue;
      for (const graphql::Field& field : root->fields()) {
        std::optional<schema::FieldInfo> info = schema_.info(field);
        if (!info || info->kind != kind) continue;
        if (resolved.sources[info->source].tables[info->table].table->name == name) {
          source_ = info->source;
          return Root{&field, info->table};
        }
      }
    }
    return std::unexpected(
        argsError("not-exists", "table \"" + name.display() + "\" does not exist", "$.args.table"));
  }

  // A variable of `type` holding `value`; returns its reference ("$v0").
  std::string variable(const std::string& type, bj::value value) {
    std::string name = "v" + std::to_string(variables_.size());
    declarations_ += (declarations_.empty() ? "" : ", ") + ("$" + name + ": " + type);
    variables_[name] = std::move(value);
    return "$" + name;
  }

  // where (v1 bool exp over Postgres names) → the table's <t>_bool_exp over GraphQL names.
  Result<bj::value> where(uint32_t t, const bj::value& exp, const std::string& path) const {
    if (!exp.is_object()) {
      return std::unexpected(argsError("parse-failed", "expected Object", path));
    }
    const metadata::ResolvedTable& table = this->table(t);
    bj::object out;
    for (const auto& [key_view, value] : exp.as_object()) {
      std::string key(key_view);
      std::string key_path = path + "." + key;
      std::string op = key.starts_with("$") ? "_" + key.substr(1) : key;
      if (op == "_and" || op == "_or") {
        bj::array items;
        const bj::array list = value.is_array() ? value.as_array() : bj::array{value};
        for (size_t i = 0; i < list.size(); ++i) {
          GRAFT_TRY(auto item, where(t, list[i], key_path + "[" + std::to_string(i) + "]"));
          items.push_back(std::move(item));
        }
        out[op] = std::move(items);
      } else if (op == "_not") {
        GRAFT_TRY(out[op], where(t, value, key_path));
      } else if (const metadata::ResolvedColumn* column = table.findColumn(key)) {
        GRAFT_TRY(out[column->graphql_name], comparison(value));
      } else if (const metadata::ResolvedRelationship* rel = relationship(table, key)) {
        GRAFT_TRY(out[key], where(static_cast<uint32_t>(rel->target), value, key_path));
      } else {
        return std::unexpected(
            argsError("not-exists", "no such column exists : \"" + key + "\"", key_path));
      }
    }
    return bj::value(std::move(out));
  }

  // order_by: "+col", "-col", "col", a list of them, or [{column, type, nulls}].
  Result<bj::value> orderBy(uint32_t t, const bj::value& spec, const std::string& path) const {
    const bj::array items = spec.is_array() ? spec.as_array() : bj::array{spec};
    bj::array out;
    for (size_t i = 0; i < items.size(); ++i) {
      std::string item_path = path + (spec.is_array() ? "[" + std::to_string(i) + "]" : "");
      std::string column;
      std::string direction = "asc";
      std::string nulls;
      if (items[i].is_string()) {
        std::string text(items[i].as_string());
        if (text.starts_with("+") || text.starts_with("-")) {
          direction = text[0] == '-' ? "desc" : "asc";
          text = text.substr(1);
        }
        column = text;
      } else if (items[i].is_object()) {
        const bj::object& o = items[i].as_object();
        if (auto c = o.find("column"); c != o.end() && c->value().is_string()) {
          column = c->value().as_string();
        }
        if (auto d = o.find("type"); d != o.end() && d->value().is_string()) {
          direction = d->value().as_string();
        }
        if (auto n = o.find("nulls"); n != o.end() && n->value().is_string()) {
          nulls = n->value().as_string();
        }
      }
      const metadata::ResolvedColumn* resolved = table(t).findColumn(column);
      if (resolved == nullptr || (direction != "asc" && direction != "desc")) {
        return std::unexpected(
            argsError("not-exists", "no such column exists : \"" + column + "\"", item_path));
      }
      bj::object key;
      key[resolved->graphql_name] = nulls.empty() ? direction : direction + "_nulls_" + nulls;
      out.push_back(std::move(key));
    }
    return bj::value(std::move(out));
  }

  // The selection of `columns` ("*", names, {name: relationship, columns, where, ...}).
  Result<std::string> selection(uint32_t t, const bj::value& columns, const std::string& path) {
    if (!columns.is_array()) {
      return std::unexpected(argsError("parse-failed", "expected Array", path));
    }
    const metadata::ResolvedTable& info = table(t);
    std::string out;
    const bj::array& list = columns.as_array();
    for (size_t i = 0; i < list.size(); ++i) {
      std::string item_path = path + "[" + std::to_string(i) + "]";
      const bj::value& item = list[i];
      if (item.is_string() && item.as_string() == "*") {
        for (const metadata::ResolvedColumn& column : info.columns) {
          out += ' ';
          out += alias(column.column->name);
          out += column.graphql_name;
        }
      } else if (item.is_string()) {
        const metadata::ResolvedColumn* column = info.findColumn(item.as_string());
        if (column == nullptr) {
          return std::unexpected(
              argsError("not-exists", "no such column exists : " + bj::serialize(item), item_path));
        }
        out += " " + alias(column->column->name) + column->graphql_name;
      } else if (item.is_object() && item.as_object().contains("name")) {
        GRAFT_TRY(auto nested, relationshipSelection(t, item.as_object(), item_path));
        out += nested;
      } else {
        return std::unexpected(
            argsError("parse-failed", "expected a column or an Object", item_path));
      }
    }
    return out;
  }

  // (where: $v0, order_by: $v1, limit: 3, offset: 1) for a list of table `t` of type `base`.
  Result<std::string> listArguments(uint32_t t, const std::string& base, const bj::object& args,
                                    const std::string& path) {
    std::string out;
    if (auto w = args.find("where"); w != args.end() && !w->value().is_null()) {
      GRAFT_TRY(auto exp, where(t, w->value(), path + ".where"));
      out += "where: " + variable(base + "_bool_exp", std::move(exp)) + ", ";
    }
    if (auto o = args.find("order_by"); o != args.end() && !o->value().is_null()) {
      GRAFT_TRY(auto spec, orderBy(t, o->value(), path + ".order_by"));
      out += "order_by: " + variable("[" + base + "_order_by!]", std::move(spec)) + ", ";
    }
    for (const char* key : {"limit", "offset"}) {
      auto found = args.find(key);
      if (found == args.end() || found->value().is_null()) continue;
      if (!found->value().is_int64()) {
        return std::unexpected(
            argsError("parse-failed",
                      std::string("parsing Int failed, expected Number, but encountered ") +
                          (found->value().is_string() ? "String" : "another kind of value"),
                      std::string("$.") + key));
      }
      if (found->value().as_int64() < 0) {
        return std::unexpected(
            argsError("not-supported", "unexpected negative value", path + "." + key));
      }
      out += std::string(key) + ": " + std::to_string(found->value().as_int64()) + ", ";
    }
    if (out.empty()) return out;
    out.resize(out.size() - 2);
    return "(" + out + ")";
  }

  std::string document(const std::string& body, const char* operation = "query") const {
    return operation + (declarations_.empty() ? "" : "(" + declarations_ + ")") + " { " + body +
           " }";
  }

  // $set / $inc objects over Postgres names → <t>_set_input / <t>_inc_input over GraphQL names.
  Result<bj::value> columnValues(uint32_t t, const bj::value& values,
                                 const std::string& path) const {
    if (!values.is_object())
      return std::unexpected(argsError("parse-failed", "expected Object", path));
    bj::object out;
    for (const auto& [name, value] : values.as_object()) {
      const metadata::ResolvedColumn* column = table(t).findColumn(name);
      if (column == nullptr) {
        return std::unexpected(argsError("not-exists",
                                         "no such column exists : \"" + std::string(name) + "\"",
                                         path + "." + std::string(name)));
      }
      out[column->graphql_name] = value;
    }
    return bj::value(std::move(out));
  }

  // The GraphQL names of the columns `names` (a list of Postgres names), which the role must
  // be allowed to update (fields of its <base>_set_input) and, if `numeric`, be numeric
  // (fields of its <base>_inc_input).
  Result<std::vector<std::string>> updatableColumns(uint32_t t, const std::string& base,
                                                    const bj::value& names, bool numeric,
                                                    const std::string& path) const {
    if (!names.is_array())
      return std::unexpected(argsError("parse-failed", "expected Array", path));
    const graphql::NamedType* updatable = schema_.schema().findType(base + "_set_input");
    const graphql::NamedType* numbers = schema_.schema().findType(base + "_inc_input");
    std::vector<std::string> out;
    for (size_t i = 0; i < names.as_array().size(); ++i) {
      const bj::value& name = names.as_array()[i];
      std::string at = path + "[" + std::to_string(i) + "]";
      if (!name.is_string())
        return std::unexpected(argsError("parse-failed", "expected String", at));
      const metadata::ResolvedColumn* column = table(t).findColumn(name.as_string());
      if (column == nullptr) {
        return std::unexpected(argsError(
            "not-exists", "no such column exists : \"" + std::string(name.as_string()) + "\"", at));
      }
      if (updatable == nullptr || updatable->findInputField(column->graphql_name) == nullptr) {
        return std::unexpected(argsError("permission-denied",
                                         "role \"" + schema_.role() +
                                             "\" does not have permission to update column \"" +
                                             std::string(name.as_string()) + "\"",
                                         at));
      }
      if (numeric &&
          (numbers == nullptr || numbers->findInputField(column->graphql_name) == nullptr)) {
        return std::unexpected(
            argsError("validation-failed",
                      "column \"" + std::string(name.as_string()) + "\" is not numeric", at));
      }
      out.push_back(column->graphql_name);
    }
    return out;
  }

  // `returning: [columns]` as a selection (empty when absent).
  Result<std::string> returning(uint32_t t, const bj::object& args) {
    auto found = args.find("returning");
    if (found == args.end() || found->value().is_null()) return std::string();
    GRAFT_TRY(auto selection, selection(t, found->value(), "$.args.returning"));
    return " returning {" + selection + " }";
  }
  bj::object takeVariables() { return std::move(variables_); }
  uint32_t source() const { return source_; }

 private:
  const metadata::ResolvedTable& table(uint32_t t) const {
    return schema_.resolved().sources[source_].tables[t];
  }

  static const metadata::ResolvedRelationship* relationship(const metadata::ResolvedTable& table,
                                                            std::string_view name) {
    for (const metadata::ResolvedRelationship& rel : table.relationships) {
      if (rel.name == name) return &rel;
    }
    return nullptr;
  }

  // Response keys are the Postgres names, written as GraphQL aliases (Hasura too requires
  // tracked column names to be valid GraphQL names).
  static std::string alias(const std::string& name) { return name + ": "; }

  // {"$gt": 1} or {"_gt": 1} → {"_gt": 1}; any other value is an equality.
  static Result<bj::value> comparison(const bj::value& value) {
    bool operators = value.is_object() && !value.as_object().empty();
    if (operators) {
      for (const auto& [key, _] : value.as_object()) {
        operators = operators && (key.starts_with("$") || key.starts_with("_"));
      }
    }
    bj::object out;
    if (!operators) {
      out["_eq"] = value;
      return bj::value(std::move(out));
    }
    for (const auto& [key, operand] : value.as_object()) {
      std::string name(key);
      if (name.starts_with('$')) name[0] = '_';  // $eq is _eq
      out[name] = operand;
    }
    return bj::value(std::move(out));
  }

  Result<std::string> relationshipSelection(uint32_t t, const bj::object& item,
                                            const std::string& path) {
    const metadata::ResolvedTable& info = table(t);
    std::string name(item.at("name").is_string() ? item.at("name").as_string() : "");
    const metadata::ResolvedRelationship* rel = relationship(info, name);
    if (rel == nullptr) {
      return std::unexpected(
          argsError("not-exists", "no such relationship exists : \"" + name + "\"", path));
    }
    uint32_t target = static_cast<uint32_t>(rel->target);
    std::string base = baseNameOf(target);
    std::string arguments;
    if (rel->is_array) {
      GRAFT_TRY(arguments, listArguments(target, base, item, path));
    }
    auto columns = item.find("columns");
    if (columns == item.end()) {
      return std::unexpected(argsError("parse-failed", "key \"columns\" not found", path));
    }
    GRAFT_TRY(auto nested, selection(target, columns->value(), path + ".columns"));
    // {"name": ..., "alias": ...}: the key the relationship's rows come back under.
    std::string key = name;
    if (auto given = item.find("alias"); given != item.end() && given->value().is_string()) {
      key = std::string(given->value().as_string());
      bool valid = !key.empty() && !(key[0] >= '0' && key[0] <= '9');
      for (char c : key) {
        valid = valid && (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                          (c >= 'A' && c <= 'Z'));
      }
      if (!valid) {
        return std::unexpected(
            argsError("parse-failed", "invalid alias \"" + key + "\"", path + ".alias"));
      }
    }
    return " " + alias(key) + name + arguments + " {" + nested + " }";
  }

  // The GraphQL type name of a table's rows, read off its root list field.
  std::string baseNameOf(uint32_t t) const {
    for (const graphql::Field& field : schema_.schema().queryType()->fields()) {
      std::optional<schema::FieldInfo> info = schema_.info(field);
      if (info.has_value() && info->kind == schema::FieldKind::kSelect && info->table == t &&
          info->source == source_) {
        return field.type.namedName();
      }
    }
    return {};
  }

  const schema::RoleSchema& schema_;
  mutable uint32_t source_ = 0;
  std::string declarations_;
  bj::object variables_;
};

namespace {

// The first GraphQL error of a response as a query-API error.
Error fromGraphqlError(const bj::value& response) {
  const bj::object& error = response.at("errors").as_array().front().as_object();
  std::string message(error.at("message").as_string());
  std::string code = "unexpected";
  std::string path = "$";
  if (auto extensions = error.find("extensions"); extensions != error.end()) {
    const bj::object& e = extensions->value().as_object();
    if (auto c = e.find("code"); c != e.end()) code = c->value().as_string();
  }
  return Error(std::move(code), std::move(message), 400).withPath(std::move(path));
}

}  // namespace

// insert {table, objects, returning}, update {table, where, $set, $inc, returning} and delete
// {table, where, returning}, as the GraphQL mutations insert_<t>, update_<t> and delete_<t>,
// so that a role's permissions apply to them as to its GraphQL requests.
asio::awaitable<Result<bj::value>> GraphqlEngine::dataWrite(const Session& session,
                                                            const std::string& type,
                                                            const bj::object& args,
                                                            const pg::QualifiedName& table_name,
                                                            Translator& translator) {
  bool update = type == "update";
  bool insert = type == "insert";
  auto root = translator.rootFor(table_name, insert   ? schema::FieldKind::kInsert
                                             : update ? schema::FieldKind::kUpdate
                                                      : schema::FieldKind::kDelete);
  if (!root) co_return std::unexpected(root.error());
  std::string base = root->field->type.namedName();
  base = base.substr(0, base.size() - std::string_view("_mutation_response").size());
  std::string arguments;
  if (insert) {
    auto objects = args.find("objects");
    if (objects == args.end() || !objects->value().is_array()) {
      co_return std::unexpected(
          argsError("parse-failed", "key \"objects\" not found or not an Array", "$.args"));
    }
    bj::array rows;
    const bj::array& given = objects->value().as_array();
    for (size_t i = 0; i < given.size(); ++i) {
      auto row = translator.columnValues(root->table, given[i],
                                         "$.args.objects[" + std::to_string(i) + "]");
      if (!row) co_return std::unexpected(row.error());
      rows.push_back(std::move(*row));
    }
    // v1's on_conflict {constraint, action: update | ignore}: an update sets the columns the
    // objects give.
    std::optional<bj::object> conflict;
    if (auto on_conflict = args.find("on_conflict");
        on_conflict != args.end() && on_conflict->value().is_object()) {
      const bj::object& spec = on_conflict->value().as_object();
      const bj::value* constraint = spec.if_contains("constraint");
      const bj::value* action = spec.if_contains("action");
      if (constraint == nullptr || !constraint->is_string()) {
        co_return std::unexpected(
            argsError("parse-failed", "key \"constraint\" not found", "$.args.on_conflict"));
      }
      bj::array columns;
      if (action != nullptr && *action == "update") {
        for (const bj::value& row : rows) {
          for (const auto& [name, value] : row.as_object()) {
            if (std::ranges::find(columns, bj::value(name)) == columns.end()) {
              columns.emplace_back(name);
            }
          }
        }
      }
      conflict = bj::object{{"constraint", *constraint}, {"update_columns", std::move(columns)}};
    }
    arguments = "objects: " + translator.variable("[" + base + "_insert_input!]!", std::move(rows));
    if (conflict) {
      arguments +=
          ", on_conflict: " + translator.variable(base + "_on_conflict", std::move(*conflict));
    }
  } else {
    auto where = args.find("where");
    if (where == args.end()) {
      co_return std::unexpected(argsError("parse-failed", "key \"where\" not found", "$"));
    }
    auto condition = translator.where(root->table, where->value(), "$.args.where");
    if (!condition) co_return std::unexpected(condition.error());
    arguments = "where: " + translator.variable(base + "_bool_exp!", std::move(*condition));
  }
  // $mul and $default have no GraphQL argument: they reach the planner beside the request.
  planner::DataApiUpdate extra;
  if (update) {
    for (const auto& [key, value] : args) {
      std::string op(key);
      if (!op.starts_with("$") && !op.starts_with("_")) continue;
      std::string name = "_" + op.substr(1);
      std::string path = "$.args." + op;
      if (name == "_default") {
        auto columns = translator.updatableColumns(root->table, base, value, false, path);
        if (!columns) co_return std::unexpected(columns.error());
        extra.to_default = std::move(*columns);
        continue;
      }
      if (name != "_set" && name != "_inc" && name != "_mul") {
        co_return std::unexpected(argsError(
            "not-supported", "the update operator \"" + op + "\" is not supported", path));
      }
      if (name == "_mul") {
        if (!value.is_object()) {
          co_return std::unexpected(argsError("parse-failed", "expected Object", path));
        }
        // Numeric columns the role may update, by their Postgres names; the planner takes
        // GraphQL names, which come back in the same order.
        bj::array names;
        for (const auto& [column, factor] : value.as_object()) names.emplace_back(column);
        auto columns = translator.updatableColumns(root->table, base, names, true, path);
        if (!columns) co_return std::unexpected(columns.error());
        size_t i = 0;
        for (const auto& [column, factor] : value.as_object()) {
          extra.multiply.emplace_back((*columns)[i++], factor);
        }
        continue;
      }
      auto values = translator.columnValues(root->table, value, path);
      if (!values) co_return std::unexpected(values.error());
      arguments += ", " + name + ": " +
                   translator.variable(base + (name == "_set" ? "_set_input" : "_inc_input"),
                                       std::move(*values));
    }
  }
  auto returning = translator.returning(root->table, args);
  if (!returning) co_return std::unexpected(returning.error());
  std::string body_text =
      "r: " + root->field->name + "(" + arguments + ") { affected_rows" + *returning + " }";
  bj::object request;
  request["query"] = translator.document(body_text, "mutation");
  request["variables"] = translator.takeVariables();
  bj::value graphql_request(std::move(request));
  bool extra_operators = !extra.multiply.empty() || !extra.to_default.empty();
  std::string response_text =
      co_await runOne(session, graphql_request, extra_operators ? &extra : nullptr);
  bj::value response = bj::parse(response_text);
  if (response.as_object().contains("errors"))
    co_return std::unexpected(fromGraphqlError(response));
  bj::object out;
  out["affected_rows"] = response.at("data").at("r").at("affected_rows");
  const bj::object& result = response.at("data").at("r").as_object();
  auto rows = result.find("returning");
  out["returning"] = rows == result.end() ? bj::value(bj::array()) : rows->value();
  co_return bj::value(std::move(out));
}

asio::awaitable<Result<bj::value>> GraphqlEngine::dataApi(const Session& session,
                                                          const bj::value& command) {
  const bj::object& body = command.as_object();
  std::string type(body.at("type").as_string());
  auto args_it = body.find("args");
  if (args_it == body.end() || !args_it->value().is_object()) {
    co_return std::unexpected(argsError("parse-failed", "expected Object", "$.args"));
  }
  const bj::object& args = args_it->value().as_object();
  auto role_schema = roleSchema(session.role, session.backend_only);
  if (!role_schema) co_return std::unexpected(role_schema.error());
  auto table_arg = args.find("table");
  if (table_arg == args.end()) {
    co_return std::unexpected(argsError("parse-failed", "key \"table\" not found", "$.args"));
  }
  auto table_name = metadata::parseTableName(table_arg->value(), "$.args.table");
  if (!table_name) co_return std::unexpected(table_name.error());

  Translator translator(**role_schema);
  if (type == "insert" || type == "update" || type == "delete") {
    co_return co_await dataWrite(session, type, args, *table_name, translator);
  }
  bool count = type == "count";
  auto root = translator.rootFor(
      *table_name, count ? schema::FieldKind::kSelectAggregate : schema::FieldKind::kSelect);
  if (!root) co_return std::unexpected(root.error());
  std::string base = root->field->type.namedName();
  if (count) base = base.substr(0, base.size() - std::string_view("_aggregate").size());

  std::string body_text;
  if (count) {
    std::string arguments;
    if (auto w = args.find("where"); w != args.end() && !w->value().is_null()) {
      auto exp = translator.where(root->table, w->value(), "$.args.where");
      if (!exp) co_return std::unexpected(exp.error());
      arguments = "(where: " + translator.variable(base + "_bool_exp", std::move(*exp)) + ")";
    }
    std::string count_args;
    if (auto d = args.find("distinct"); d != args.end() && d->value().is_array()) {
      const metadata::ResolvedTable& info =
          (*role_schema)->resolved().sources[translator.source()].tables[root->table];
      std::string columns;
      const bj::array& names = d->value().as_array();
      for (size_t i = 0; i < names.size(); ++i) {
        const metadata::ResolvedColumn* column =
            names[i].is_string() ? info.findColumn(names[i].as_string()) : nullptr;
        if (column == nullptr) {
          co_return std::unexpected(argsError("not-exists",
                                              "no such column exists : " + bj::serialize(names[i]),
                                              "$.args.distinct[" + std::to_string(i) + "]"));
        }
        columns += (columns.empty() ? "" : ", ") + column->graphql_name;
      }
      count_args = "(columns: [" + columns + "], distinct: true)";
    }
    body_text =
        "r: " + root->field->name + arguments + " { aggregate { count" + count_args + " } }";
  } else {
    auto arguments = translator.listArguments(root->table, base, args, "$.args");
    if (!arguments) co_return std::unexpected(arguments.error());
    auto columns = args.find("columns");
    if (columns == args.end()) {
      co_return std::unexpected(argsError("parse-failed", "key \"columns\" not found", "$.args"));
    }
    auto selection = translator.selection(root->table, columns->value(), "$.args.columns");
    if (!selection) co_return std::unexpected(selection.error());
    body_text = "r: " + root->field->name + *arguments + " {" + *selection + " }";
  }

  bj::object request;
  request["query"] = translator.document(body_text);
  request["variables"] = translator.takeVariables();
  bj::value graphql_request(std::move(request));
  std::string response_text = co_await runOne(session, graphql_request);
  bj::value response = bj::parse(response_text);
  if (response.as_object().contains("errors"))
    co_return std::unexpected(fromGraphqlError(response));
  bj::value result = response.at("data").at("r");
  if (count) {
    bj::object out;
    out["count"] = result.at("aggregate").at("count");
    co_return bj::value(std::move(out));
  }
  co_return result;
}

}  // namespace graft::execute
