#include "pg/sql.h"

#include <array>
#include <cassert>

namespace graft::pg::sql {

Expr::Expr(ExprNode node) : node_(std::make_unique<ExprNode>(std::move(node))) {}

Expr::Expr(const Expr& other)
    : node_(other.node_ ? std::make_unique<ExprNode>(*other.node_) : nullptr) {}

Expr::Expr(Expr&& other) noexcept = default;

Expr& Expr::operator=(const Expr& other) {
  // Copy before replacing, so that assigning a subtree of this expression to it is safe.
  node_ = other.node_ ? std::make_unique<ExprNode>(*other.node_) : nullptr;
  return *this;
}

Expr& Expr::operator=(Expr&& other) noexcept = default;

Expr::~Expr() = default;

namespace {

constexpr std::array<std::string_view, 30> kBinaryOpTexts = {
    "=",
    "<>",
    "<",
    "<=",
    ">",
    ">=",
    "LIKE",
    "NOT LIKE",
    "ILIKE",
    "NOT ILIKE",
    "SIMILAR TO",
    "NOT SIMILAR TO",
    "~",
    "~*",
    "!~",
    "!~*",
    "@>",
    "<@",
    "?",
    "?|",
    "?&",
    "||",
    "IS DISTINCT FROM",
    "IS NOT DISTINCT FROM",
    "+",
    "@",
    "-",
    "#-",
    "#>",
    "*",
};
static_assert(kBinaryOpTexts.size() == static_cast<size_t>(BinaryOp::kTimes) + 1);

Expr node(auto value) { return Expr(ExprNode{std::move(value)}); }

Expr quantified(BinaryOp op, Quantifier quantifier, Expr left, Expr array) {
  // These are grammar constructs rather than operators, so Postgres has no ANY/ALL form.
  assert(op != BinaryOp::kSimilarTo && op != BinaryOp::kNotSimilarTo &&
         op != BinaryOp::kIsDistinctFrom && op != BinaryOp::kIsNotDistinctFrom);
  return node(Quantified{op, quantifier, std::move(left), std::move(array)});
}

}  // namespace

std::string_view binaryOpText(BinaryOp op) { return kBinaryOpTexts[static_cast<size_t>(op)]; }

Expr col(std::string column) { return node(ColumnRef{{std::move(column)}, false}); }

Expr col(std::string table, std::string column) {
  return node(ColumnRef{{std::move(table), std::move(column)}, false});
}

Expr col(std::string schema, std::string table, std::string column) {
  return node(ColumnRef{{std::move(schema), std::move(table), std::move(column)}, false});
}

Expr star() { return node(ColumnRef{{}, true}); }

Expr star(std::string table) { return node(ColumnRef{{std::move(table)}, true}); }

Expr wholeRow(std::string alias) { return node(ColumnRef{{std::move(alias)}, false}); }

Expr param(int index) {
  assert(index >= 1);
  return node(Param{index, std::nullopt});
}

Expr param(int index, std::string type) {
  assert(index >= 1);
  return node(Param{index, std::move(type)});
}

Expr null() { return node(NullConst{}); }

Expr true_() { return node(BoolConst{true}); }

Expr false_() { return node(BoolConst{false}); }

Expr boolean(bool value) { return node(BoolConst{value}); }

Expr integer(int64_t value) { return node(IntConst{value}); }

Expr str(std::string value) { return node(StringConst{std::move(value)}); }

Expr cast(Expr expr, std::string type) { return node(Cast{std::move(expr), std::move(type)}); }

Expr call(std::string name, std::vector<Expr> args) {
  FuncCall fn;
  fn.name = std::move(name);
  fn.args = std::move(args);
  return node(std::move(fn));
}

Expr callStar(std::string name) {
  FuncCall fn;
  fn.name = std::move(name);
  fn.star = true;
  return node(std::move(fn));
}

Expr call(FuncCall fn) { return node(std::move(fn)); }

Expr op(BinaryOp op, Expr left, Expr right) {
  return node(Binary{op, std::move(left), std::move(right)});
}

Expr opAny(BinaryOp op, Expr left, Expr array) {
  return quantified(op, Quantifier::kAny, std::move(left), std::move(array));
}

Expr opAll(BinaryOp op, Expr left, Expr array) {
  return quantified(op, Quantifier::kAll, std::move(left), std::move(array));
}

Expr and_(std::vector<Expr> operands) {
  return node(BoolOp{BoolOp::Kind::kAnd, std::move(operands)});
}

Expr or_(std::vector<Expr> operands) {
  return node(BoolOp{BoolOp::Kind::kOr, std::move(operands)});
}

Expr not_(Expr expr) { return node(Not{std::move(expr)}); }

Expr isNull(Expr expr) { return node(NullTest{std::move(expr), false}); }

Expr isNotNull(Expr expr) { return node(NullTest{std::move(expr), true}); }

Expr exists(Select select) { return node(Exists{std::move(select)}); }

Expr subquery(Select select) { return node(Subquery{std::move(select)}); }
Expr arraySubquery(Select select) { return node(Subquery{std::move(select), true}); }

Expr case_(std::vector<Case::When> whens, std::optional<Expr> otherwise) {
  assert(!whens.empty());
  return node(Case{std::move(whens), std::move(otherwise)});
}

OrderBy asc(Expr expr, Nulls nulls) { return OrderBy{std::move(expr), Direction::kAsc, nulls}; }

OrderBy desc(Expr expr, Nulls nulls) { return OrderBy{std::move(expr), Direction::kDesc, nulls}; }

FromItem table(std::string schema, std::string name, std::optional<std::string> alias) {
  return FromItem{TableName{std::move(schema), std::move(name)}, std::move(alias), false};
}

FromItem cte(std::string name, std::optional<std::string> alias) {
  return FromItem{TableName{"", std::move(name)}, std::move(alias), false};
}

FromItem subselect(Select select, std::string alias) {
  return FromItem{Box<Select>(std::move(select)), std::move(alias), false};
}

FromItem lateral(Select select, std::string alias) {
  return FromItem{Box<Select>(std::move(select)), std::move(alias), true};
}

FromItem function(std::string schema, std::string name, std::vector<Expr> args, std::string alias) {
  return FromItem{FunctionSource{std::move(schema), std::move(name), std::move(args)},
                  std::move(alias), false};
}

FromItem values(std::vector<std::vector<Expr>> rows, std::string alias,
                std::vector<std::string> columns) {
  return FromItem{Values{std::move(rows)}, std::move(alias), false, std::move(columns)};
}

Join leftJoin(FromItem item, Expr on) {
  return Join{JoinKind::kLeftOuter, std::move(item), std::move(on)};
}

Join innerJoin(FromItem item, Expr on) {
  return Join{JoinKind::kInner, std::move(item), std::move(on)};
}

std::string quoteLiteral(std::string_view text) {
  bool backslash = text.find('\\') != std::string_view::npos;
  std::string out;
  out.reserve(text.size() + 3);
  if (backslash) out += 'E';
  out += '\'';
  for (char c : text) {
    if (c == '\0') continue;
    if (c == '\'' || (c == '\\' && backslash)) out += c;
    out += c;
  }
  out += '\'';
  return out;
}

}  // namespace graft::pg::sql
