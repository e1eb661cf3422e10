// 5.6.1 Values of Correct Type: a literal can be coerced to the input type it is given for
// (spec 3.5 scalars, 3.9 enums, 3.10 input objects, 3.11 lists with the single-item rule).
// Custom scalars accept any literal the schema's ScalarInputCheck accepts (a literal holding a
// variable is left to the layer that uses it). Words
// from Hasura's parsers; `expecting Integer value` is the one its test corpus pins for Int.
#include <charconv>
#include <cstdint>
#include <string_view>

#include "graphql/coerce.h"
#include "graphql/concat.h"
#include "graphql/validation/rules.h"

namespace graft::graphql::validation {

namespace {

std::string_view describe(const ast::Value& value) {
  switch (value.kind) {
    case ast::Kind::kIntValue:
      return "an integer";
    case ast::Kind::kFloatValue:
      return "a float";
    case ast::Kind::kStringValue:
      return "a string";
    case ast::Kind::kBooleanValue:
      return "a boolean";
    case ast::Kind::kNullValue:
      return "null";
    case ast::Kind::kEnumValue:
      return "an enum value";
    case ast::Kind::kListValue:
      return "a list";
    case ast::Kind::kObjectValue:
      return "an object";
    default:
      return "a variable";
  }
}

void mismatch(Context& ctx, std::string_view expected, const NamedType& type,
              const ast::Value& value) {
  ctx.report(concat({"expected ", expected, " for type ", quoteName(type.name()), ", but found ",
                     describe(value)}));
}

// Int literals may have any number of digits; Int is 32-bit (spec 3.5.1).
void checkInt(Context& ctx, const ast::Value& value, const ValueSite& site) {
  const auto* literal = ast::dynCast<ast::IntValue>(&value);
  if (literal == nullptr) {
    ctx.report(concat({"expecting Integer value for ", quoteName(site.name)}));
    return;
  }
  int32_t parsed = 0;
  const char* end = literal->text.data() + literal->text.size();
  if (std::from_chars(literal->text.data(), end, parsed).ec != std::errc()) {
    ctx.report(concat({"The value ", literal->text,
                       " lies outside the bounds or is not an integer. Maybe it is a float, or is "
                       "there integer overflow?"}));
  }
}

void checkFloat(Context& ctx, const NamedType& type, const ast::Value& value) {
  std::string_view text;
  if (const auto* literal = ast::dynCast<ast::FloatValue>(&value)) {
    text = literal->text;
  } else if (const auto* integer = ast::dynCast<ast::IntValue>(&value)) {
    text = integer->text;
  } else {
    return mismatch(ctx, "a float", type, value);
  }
  double parsed = 0;
  // Hasura rejects what a double cannot hold, too large or too small alike.
  if (std::from_chars(text.data(), text.data() + text.size(), parsed).ec != std::errc()) {
    ctx.report(concat(
        {"The value ", text, " lies outside the bounds. Is it overflowing the float bounds?"}));
  }
}

bool holdsVariable(const ast::Value& value) {
  switch (value.kind) {
    case ast::Kind::kVariable:
      return true;
    case ast::Kind::kListValue:
      for (const ast::Value* item : ast::cast<ast::ListValue>(value).values) {
        if (holdsVariable(*item)) return true;
      }
      return false;
    case ast::Kind::kObjectValue:
      for (const ast::ObjectField* field : ast::cast<ast::ObjectValue>(value).fields) {
        if (holdsVariable(*field->value)) return true;
      }
      return false;
    default:
      return false;
  }
}

void checkCustomScalar(Context& ctx, const NamedType& type, const ast::Value& value) {
  ScalarInputCheck check = ctx.schema().scalarInputCheck();
  if (check == nullptr || holdsVariable(value)) return;
  if (Status checked = check(type, literalToJson(value, {}), ctx.path()); !checked) {
    ctx.reportError(std::move(checked.error()));
  }
}

void checkScalar(Context& ctx, const NamedType& type, const ast::Value& value,
                 const ValueSite& site) {
  const std::string& name = type.name();
  if (name == "Int") {
    checkInt(ctx, value, site);
  } else if (name == "Float") {
    checkFloat(ctx, type, value);
  } else if (name == "String") {
    if (value.kind != ast::Kind::kStringValue) mismatch(ctx, "a string", type, value);
  } else if (name == "Boolean") {
    if (value.kind != ast::Kind::kBooleanValue) mismatch(ctx, "a boolean", type, value);
  } else if (name == "ID") {
    if (value.kind != ast::Kind::kStringValue && value.kind != ast::Kind::kIntValue) {
      mismatch(ctx, "a String or a 32-bit integer", type, value);
    }
  } else {
    checkCustomScalar(ctx, type, value);
  }
}

void checkEnum(Context& ctx, const NamedType& type, const ast::Value& value) {
  const auto* literal = ast::dynCast<ast::EnumValue>(&value);
  if (literal == nullptr) return mismatch(ctx, "an enum value", type, value);
  if (type.findEnumValue(literal->value) == nullptr) {
    ctx.report(concat(
        {"unexpected value ", quoteName(literal->value), " for enum: ", quoteType(type.name())}));
  }
}

void checkInputObject(Context& ctx, const NamedType& type, const ast::Value& value,
                      const ValueSite& site) {
  const auto* object = ast::dynCast<ast::ObjectValue>(&value);
  if (object == nullptr) return mismatch(ctx, "an object", type, value);
  checkInputObjectFieldUniqueness(ctx, type, *object);
  checkInputObjectFieldNames(ctx, type, *object);
  // In the type's order, as Hasura's parsers read the fields.
  for (const InputValue& definition : type.inputFields()) {
    if (ctx.done()) return;
    const ast::ObjectField* given = nullptr;
    for (const ast::ObjectField* field : object->fields) {
      if (field->name == definition.name) {
        given = field;
        break;
      }
    }
    PathSegment segment(ctx.path(), {".", definition.name});
    if (!checkInputObjectRequiredField(ctx, definition, given) || given == nullptr) continue;
    checkValue(ctx, *given->value, definition.type,
               {definition.name, definition.default_value != nullptr, site.variables});
  }
}

}  // namespace

std::string nullForNonNullMessage(TypeRef type) {
  return concat(
      {"expected a non-null value for type ", quoteName(type.toString()), ", but found null"});
}

void checkValue(Context& ctx, const ast::Value& value, TypeRef type, const ValueSite& site) {
  if (ctx.done()) return;
  if (const auto* variable = ast::dynCast<ast::Variable>(&value)) {
    if (site.variables != nullptr) site.variables->use({variable, type, site.has_default});
    return;
  }
  if (value.kind == ast::Kind::kNullValue) {
    if (type.isNonNull()) ctx.report(nullForNonNullMessage(type));
    return;
  }
  type = type.nullable();
  if (type.isList()) {
    // An item has no default of its own; a non-list value is a list of one (spec 3.11).
    ValueSite item_site{site.name, false, site.variables};
    const auto* list = ast::dynCast<ast::ListValue>(&value);
    if (list == nullptr) return checkValue(ctx, value, type.ofType(), item_site);
    for (size_t i = 0; i < list->values.size(); ++i) {
      std::string index = std::to_string(i);
      PathSegment segment(ctx.path(), {"[", index, "]"});
      checkValue(ctx, *list->values[i], type.ofType(), item_site);
    }
    return;
  }
  const NamedType& named = ctx.schema().named(type);
  switch (named.kind()) {
    case TypeKind::kScalar:
      return checkScalar(ctx, named, value, site);
    case TypeKind::kEnum:
      return checkEnum(ctx, named, value);
    case TypeKind::kInputObject:
      return checkInputObject(ctx, named, value, site);
    default:
      return;  // the schema builder keeps output types out of input positions
  }
}

}  // namespace graft::graphql::validation
