#include "graphql/coerce.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "graphql/concat.h"

namespace graft::graphql {

namespace bj = boost::json;

std::string_view describeJson(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::null:
      return "null";
    case bj::kind::bool_:
      return "a boolean";
    case bj::kind::int64:
    case bj::kind::uint64:
    case bj::kind::double_:
      return "a number";
    case bj::kind::string:
      return "a string";
    case bj::kind::array:
      return "a list";
    case bj::kind::object:
      return "an object";
  }
  return "a value";
}

namespace {

Error mismatch(std::string_view expected, const NamedType& type, const bj::value& found,
               const std::string& path) {
  return Error::validationFailed(concat({"expected ", expected, " for type \"", type.name(),
                                         "\", but found ", describeJson(found)}))
      .withPath(path);
}

// "red, purple, or blue", as Hasura lists enum values.
std::string listValues(const NamedType& type) {
  std::string out;
  auto values = type.enumValues();
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += values.size() > 2 ? ", " : " ";
    if (i + 1 == values.size() && values.size() > 1) out += "or ";
    out += values[i].name;
  }
  return out;
}

std::optional<int64_t> asInteger(const bj::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    uint64_t raw = value.get_uint64();
    if (raw <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return static_cast<int64_t>(raw);
    }
    return std::nullopt;
  }
  if (value.is_double()) {
    double raw = value.get_double();
    if (std::trunc(raw) == raw && std::abs(raw) < 9.2e18) return static_cast<int64_t>(raw);
  }
  return std::nullopt;
}

Result<bj::value> coerceScalar(const Schema& schema, const NamedType& type, const bj::value& value,
                               const std::string& path) {
  const std::string& name = type.name();
  if (name == "Int") {
    auto integer = asInteger(value);
    if (!integer || *integer < std::numeric_limits<int32_t>::min() ||
        *integer > std::numeric_limits<int32_t>::max()) {
      return std::unexpected(mismatch("a 32-bit integer", type, value, path));
    }
    return bj::value(*integer);
  }
  if (name == "Float") {
    if (!value.is_number()) return std::unexpected(mismatch("a float", type, value, path));
    return value;
  }
  if (name == "String") {
    if (!value.is_string()) return std::unexpected(mismatch("a string", type, value, path));
    return value;
  }
  if (name == "Boolean") {
    if (!value.is_bool()) return std::unexpected(mismatch("a boolean", type, value, path));
    return value;
  }
  if (name == "ID") {
    if (value.is_string()) return value;
    if (auto integer = asInteger(value); integer && !value.is_double()) {
      return bj::value(std::to_string(*integer));
    }
    return std::unexpected(mismatch("a String or a 32-bit integer", type, value, path));
  }
  // Custom scalars: what the schema's owner checks here, the rest where the value is used.
  if (ScalarInputCheck check = schema.scalarInputCheck()) {
    GRAFT_CHECK(check(type, value, path));
  }
  return value;
}

Result<bj::value> coerceInputObject(const Schema& schema, const NamedType& type,
                                    const bj::value& value, const std::string& path) {
  if (!value.is_object()) return std::unexpected(mismatch("an object", type, value, path));
  const bj::object& given = value.get_object();
  for (const auto& entry : given) {
    if (type.findInputField(entry.key()) == nullptr) {
      return std::unexpected(
          Error::validationFailed(
              concat({"field \"", entry.key(), "\" not found in type: '", type.name(), "'"}))
              .withPath(concat({path, ".", entry.key()})));
    }
  }
  bj::object coerced;
  coerced.reserve(given.size());
  for (const InputValue& field : type.inputFields()) {
    std::string field_path = concat({path, ".", field.name});
    auto found = given.find(field.name);
    if (found == given.end()) {
      if (field.default_value != nullptr) {
        coerced.emplace(field.name, literalToJson(*field.default_value, {}));
      } else if (field.type.isNonNull()) {
        return std::unexpected(
            Error::validationFailed(concat({"missing required field \"", field.name, "\""}))
                .withPath(path));
      }
      continue;
    }
    GRAFT_TRY(bj::value item, coerceInputValue(schema, field.type, found->value(), field_path));
    coerced.emplace(field.name, std::move(item));
  }
  return bj::value(std::move(coerced));
}

}  // namespace

Result<bj::value> coerceInputValue(const Schema& schema, TypeRef type, const bj::value& value,
                                   const std::string& path) {
  if (value.is_null()) {
    if (type.isNonNull()) {
      return std::unexpected(
          Error::validationFailed(concat({"expected a non-null value for type \"", type.toString(),
                                          "\", but found null"}))
              .withPath(path));
    }
    return value;
  }
  if (type.isNonNull()) return coerceInputValue(schema, type.ofType(), value, path);
  if (type.isList()) {
    TypeRef item_type = type.ofType();
    if (!value.is_array()) {
      GRAFT_TRY(bj::value item, coerceInputValue(schema, item_type, value, path));
      bj::array single;
      single.push_back(std::move(item));
      return bj::value(std::move(single));
    }
    const bj::array& given = value.get_array();
    bj::array coerced;
    coerced.reserve(given.size());
    for (size_t i = 0; i < given.size(); ++i) {
      GRAFT_TRY(bj::value item, coerceInputValue(schema, item_type, given[i],
                                                 concat({path, "[", std::to_string(i), "]"})));
      coerced.push_back(std::move(item));
    }
    return bj::value(std::move(coerced));
  }
  const NamedType& named = schema.named(type);
  switch (named.kind()) {
    case TypeKind::kScalar:
      return coerceScalar(schema, named, value, path);
    case TypeKind::kEnum:
      if (!value.is_string()) return std::unexpected(mismatch("an enum value", named, value, path));
      if (named.findEnumValue(value.get_string()) == nullptr) {
        return std::unexpected(
            Error::validationFailed(
                concat({"expected one of the values ", listValues(named), " for type \"",
                        named.name(), "\", but found \"", value.get_string(), "\""}))
                .withPath(path));
      }
      return value;
    case TypeKind::kInputObject:
      return coerceInputObject(schema, named, value, path);
    default:
      return std::unexpected(
          Error::unexpected(concat({"type \"", named.name(), "\" is not an input type"})));
  }
}

Result<VariableValues> coerceVariableValues(const Schema& schema,
                                            const ast::OperationDefinition& operation,
                                            const bj::object& provided) {
  VariableValues coerced;
  for (const ast::VariableDefinition* definition : operation.variable_definitions) {
    std::string_view name = definition->variable->name;
    auto found = provided.find(name);
    TypeRef type = schema.resolve(*definition->type);
    if (found == provided.end()) {
      if (definition->default_value != nullptr) {
        coerced.emplace(name, literalToJson(*definition->default_value, {}));
      } else if (type.isNonNull()) {
        return std::unexpected(Error::validationFailed(
            concat({"expecting a value for non-nullable variable: \"", name, "\""})));
      }
      continue;
    }
    GRAFT_TRY(bj::value value,
              coerceInputValue(schema, type, found->value(), concat({"$.variableValues.", name})));
    coerced.emplace(name, std::move(value));
  }
  return coerced;
}

bj::value literalToJson(const ast::Value& value, const VariableValues& variables) {
  switch (value.kind) {
    case ast::Kind::kVariable: {
      auto found = variables.find(ast::cast<ast::Variable>(value).name);
      return found == variables.end() ? bj::value(nullptr) : found->value();
    }
    case ast::Kind::kIntValue: {
      std::string_view text = ast::cast<ast::IntValue>(value).text;
      int64_t integer = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), integer);
      if (error == std::errc() && end == text.data() + text.size()) return bj::value(integer);
      return bj::value(std::strtod(std::string(text).c_str(), nullptr));
    }
    case ast::Kind::kFloatValue:
      return bj::value(
          std::strtod(std::string(ast::cast<ast::FloatValue>(value).text).c_str(), nullptr));
    case ast::Kind::kStringValue:
      return bj::value(ast::cast<ast::StringValue>(value).value);
    case ast::Kind::kBooleanValue:
      return bj::value(ast::cast<ast::BooleanValue>(value).value);
    case ast::Kind::kNullValue:
      return bj::value(nullptr);
    case ast::Kind::kEnumValue:
      return bj::value(ast::cast<ast::EnumValue>(value).value);
    case ast::Kind::kListValue: {
      bj::array items;
      for (const ast::Value* item : ast::cast<ast::ListValue>(value).values) {
        items.push_back(literalToJson(*item, variables));
      }
      return bj::value(std::move(items));
    }
    case ast::Kind::kObjectValue: {
      bj::object fields;
      for (const ast::ObjectField* field : ast::cast<ast::ObjectValue>(value).fields) {
        fields.insert_or_assign(field->name, literalToJson(*field->value, variables));
      }
      return bj::value(std::move(fields));
    }
    default:
      return bj::value(nullptr);
  }
}

}  // namespace graft::graphql
