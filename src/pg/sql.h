// The SQL syntax tree the planner builds (a SELECT with its expressions, possibly over
// data-modifying CTEs: INSERT, UPDATE, DELETE) and its printer.
// Plain values: every node owns its children (std::unique_ptr, deep-copied on copy), so a tree
// may be built, copied and printed on any thread; printing is deterministic.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace graft::pg::sql {

// What may reach SQL text, and how:
// - identifiers (schemas, tables, columns, aliases) are always quoted by pg::quoteIdentifier;
// - values from a request are never in the tree: they are bound parameters ($n);
// - type names (Param, Cast) and function names are printed as given, so they must come from
//   the catalog or from the planner itself, never from a request;
// - string constants are for trusted text only (JSON keys from schema names, '[]').

// A heap-allocated T with value semantics: copying copies the T. Breaks the recursion
// Select -> FromItem -> Select. Never empty except after a move.
template <typename T>
class Box {
 public:
  // Implicit, so that a Select converts where a Box<Select> is expected.
  Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}
  Box(const Box& other) : ptr_(std::make_unique<T>(*other.ptr_)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    ptr_ = std::make_unique<T>(*other.ptr_);
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  const T& operator*() const { return *ptr_; }
  T& operator*() { return *ptr_; }
  const T* operator->() const { return ptr_.get(); }
  T* operator->() { return ptr_.get(); }

 private:
  std::unique_ptr<T> ptr_;
};

struct ExprNode;
struct Select;

// An expression. Copying copies the whole subtree; moving is cheap and leaves the source
// empty: a moved-from Expr may only be assigned to or destroyed (printing one asserts, and
// in release builds prints a token Postgres rejects rather than a wrong statement).
class Expr {
 public:
  explicit Expr(ExprNode node);
  Expr(const Expr& other);
  Expr(Expr&& other) noexcept;
  Expr& operator=(const Expr& other);
  Expr& operator=(Expr&& other) noexcept;
  ~Expr();

  bool empty() const { return node_ == nullptr; }
  // REQUIRES: !empty().
  const ExprNode& node() const { return *node_; }
  // The node as a T (ColumnRef, FuncCall, ...), or nullptr if it is another kind.
  template <typename T>
  const T* as() const;

 private:
  std::unique_ptr<ExprNode> node_;
};

// ---- Statement nodes. Throughout, fields that may be left out have initialisers, so that
// designated initialisers (Select{.items = ...}) stay clean under -Wmissing-field-initializers;
// required ones have none, so leaving one out is warned about.

enum class Direction : uint8_t { kAsc, kDesc };
// kDefault prints nothing, leaving Postgres' default (NULLS LAST for ASC, FIRST for DESC).
enum class Nulls : uint8_t { kDefault, kFirst, kLast };

// One ORDER BY item. An integer constant here means "the n-th output column" to Postgres,
// so sort keys are column references or expressions, never bare integers.
struct OrderBy {
  Expr expr;
  Direction direction = Direction::kAsc;
  Nulls nulls = Nulls::kDefault;
};

struct SelectItem {
  Expr expr;
  std::optional<std::string> alias = {};
};

// "schema"."name", or just "name" when schema is empty (a CTE of the WITH clause).
struct TableName {
  std::string schema;
  std::string name;
};

// A set-returning function in FROM, always schema-qualified and quoted (a tracked function):
// "schema"."name"(args).
struct FunctionSource {
  std::string schema;
  std::string name;
  std::vector<Expr> args = {};
};

// (VALUES (a, b), (c, d)): rows of expressions, all of the same length. REQUIRES at least one
// row. Postgres types each column from its values, so a column of only NULLs is text: give
// values a type (a typed Param or a Cast).
struct Values {
  std::vector<std::vector<Expr>> rows;
};

struct FromItem {
  std::variant<TableName, Box<Select>, FunctionSource, Values> source;
  // Postgres before 16 requires an alias on a subselect; the planner always gives one, and a
  // VALUES list REQUIRES one.
  std::optional<std::string> alias = {};
  // LATERAL is valid before a subselect or a function only; Postgres rejects it before a table.
  bool lateral = false;
  // Names for the source's columns, by position: AS "alias"("a", "b"). REQUIRES an alias.
  std::vector<std::string> columns = {};
};

enum class JoinKind : uint8_t { kInner, kLeftOuter };

struct Join {
  JoinKind kind = JoinKind::kLeftOuter;
  FromItem item;
  Expr on;
};

struct Insert;
struct Update;
struct Delete;

// One WITH item: "name" AS (statement). A data-modifying statement here runs exactly once,
// whether or not the main SELECT reads it.
struct Cte {
  std::string name;
  std::variant<Box<Select>, Box<Insert>, Box<Update>, Box<Delete>> body;
};

// [WITH ctes] SELECT [DISTINCT ON (...)] items [FROM from joins...] [WHERE] [GROUP BY] [ORDER BY]
// [LIMIT] [OFFSET] [UNION ALL SELECT ...]... Empty lists and nullopt print nothing; joins REQUIRE
// a from item. With union_all, this select and its parts REQUIRE no ORDER BY, LIMIT or OFFSET
// (which would bind to the whole union), and the parts no WITH.
struct Select {
  std::vector<Cte> with = {};
  std::vector<Expr> distinct_on = {};
  std::vector<SelectItem> items = {};
  std::optional<FromItem> from = {};
  std::vector<Join> joins = {};
  std::optional<Expr> where = {};
  std::vector<Expr> group_by = {};
  std::vector<OrderBy> order_by = {};
  std::optional<Expr> limit = {};
  std::optional<Expr> offset = {};
  std::vector<Box<Select>> union_all = {};
};

// ---- Data-modifying statements. Each ends in RETURNING *: the planner reads the rows they
// touched through the CTE that holds them.

// ON CONFLICT ON CONSTRAINT "constraint" DO NOTHING, or, with update_columns,
// DO UPDATE SET "c" = EXCLUDED."c", ... [WHERE where].
struct OnConflict {
  std::string constraint;
  std::vector<std::string> update_columns = {};
  std::optional<Expr> where = {};
};

// INSERT INTO table [AS alias] (columns) VALUES (...), ... [ON CONFLICT ...] RETURNING *.
// A row holds one value per column; nullopt prints DEFAULT. Without columns, every row is
// DEFAULT VALUES (then REQUIRES exactly one row). With `select`, the rows are that query's
// (INSERT INTO table (columns) SELECT ...; rows are then ignored, and columns REQUIRED).
struct Insert {
  TableName table;
  std::optional<std::string> alias = {};
  std::vector<std::string> columns = {};
  std::vector<std::vector<std::optional<Expr>>> rows = {};
  std::optional<Box<Select>> select = {};
  std::optional<OnConflict> on_conflict = {};
};

// "column" = value; nullopt prints DEFAULT.
struct Assignment {
  std::string column;
  std::optional<Expr> value;
};

// UPDATE table [AS alias] SET assignments [WHERE where] RETURNING *. REQUIRES at least one
// assignment.
struct Update {
  TableName table;
  std::optional<std::string> alias = {};
  std::vector<Assignment> set = {};
  std::optional<Expr> where = {};
};

// DELETE FROM table [AS alias] [WHERE where] RETURNING *.
struct Delete {
  TableName table;
  std::optional<std::string> alias = {};
  std::optional<Expr> where = {};
};

// ---- Expression nodes. Each prints as an operand that needs no further parentheses: compound
// nodes wrap themselves, e.g. ("a" = $1), (NOT x), (x IS NULL), (a AND b).

// Quoted names joined by dots ("_0"."id", "public"."author"."id", "root"), then .* when
// star is set (or a bare * when names is empty). A single name is either a column or a
// whole-row reference, as in SQL itself.
struct ColumnRef {
  std::vector<std::string> names = {};
  bool star = false;
};

// $index, or ($index)::type. REQUIRES index >= 1. The type is pasted as is, so it must be
// format_type() text from the catalog (character varying(20), timestamp with time zone,
// public.my_enum, integer[]) and never come from a request.
struct Param {
  int index = 1;
  std::optional<std::string> type = {};
};

struct NullConst {};
struct BoolConst {
  bool value = false;
};
// Negative values print in parentheses, (-5), so that they stay one operand everywhere.
struct IntConst {
  int64_t value = 0;
};
// Printed by quoteLiteral().
struct StringConst {
  std::string value;
};

// (expr)::type; the type as for Param.
struct Cast {
  Expr expr;
  std::string type;
};

// A window function's window: OVER ([ORDER BY ...]). An empty one numbers or aggregates the
// rows in the order its input yields them.
struct Window {
  std::vector<OrderBy> order_by = {};
};

// name([DISTINCT] args | * [ORDER BY ...]) [FILTER (WHERE filter)] [OVER (...)]. The name is the
// planner's own (json_agg, coalesce, count, ...): printed bare when it is a plain lower-case
// identifier, otherwise quoted, so that no name can ever break out of the call. With schema set,
// the name is a user function and is printed "schema"."name".
struct FuncCall {
  std::string name;
  std::vector<Expr> args = {};
  bool star = false;  // count(*); args are then ignored.
  bool distinct = false;
  std::vector<OrderBy> order_by = {};
  std::optional<Expr> filter = {};
  std::optional<std::string> schema = {};
  std::optional<Window> over = {};  // a window function: row_number() OVER ()
};

enum class BinaryOp : uint8_t {
  kEq,                 // =
  kNe,                 // <>
  kLt,                 // <
  kLe,                 // <=
  kGt,                 // >
  kGe,                 // >=
  kLike,               // LIKE
  kNotLike,            // NOT LIKE
  kIlike,              // ILIKE
  kNotIlike,           // NOT ILIKE
  kSimilarTo,          // SIMILAR TO
  kNotSimilarTo,       // NOT SIMILAR TO
  kRegexMatch,         // ~
  kRegexIMatch,        // ~*
  kNotRegexMatch,      // !~
  kNotRegexIMatch,     // !~*
  kContains,           // @>
  kContainedIn,        // <@
  kHasKey,             // ?
  kHasAnyKeys,         // ?|
  kHasAllKeys,         // ?&
  kConcat,             // ||
  kIsDistinctFrom,     // IS DISTINCT FROM
  kIsNotDistinctFrom,  // IS NOT DISTINCT FROM
  kPlus,               // +
  kAt,                 // @ (ltree @ ltxtquery)
  kMinus,              // - (jsonb - text, jsonb - int)
  kDeletePath,         // #- (jsonb #- text[])
  kExtractPath,        // #> (json #> text[])
  kTimes,              // *
};

// The operator's SQL spelling.
std::string_view binaryOpText(BinaryOp op);

// (left op right)
struct Binary {
  BinaryOp op;
  Expr left;
  Expr right;
};

enum class Quantifier : uint8_t { kAny, kAll };

// (left op ANY(array)) / (left op ALL(array)). Postgres accepts a comparison, pattern or regex
// operator here; SIMILAR TO and IS [NOT] DISTINCT FROM are not allowed.
struct Quantified {
  BinaryOp op;
  Quantifier quantifier;
  Expr left;
  Expr array;
};

// No operand: TRUE for AND, FALSE for OR. One operand: the operand. More: (a AND b AND c).
struct BoolOp {
  enum class Kind : uint8_t { kAnd, kOr };
  Kind kind;
  std::vector<Expr> operands = {};
};

// (NOT expr)
struct Not {
  Expr expr;
};

// (expr IS NULL) / (expr IS NOT NULL)
struct NullTest {
  Expr expr;
  bool negated = false;
};

// EXISTS (SELECT ...)
struct Exists {
  Select select;
};

// (SELECT ...), which must yield at most one row of one column; with `array`,
// ARRAY(SELECT ...): the rows of its one column as an array.
struct Subquery {
  Select select;
  bool array = false;
};

// CASE WHEN c THEN r ... [ELSE e] END. REQUIRES at least one WHEN.
struct Case {
  struct When {
    Expr condition;
    Expr result;
  };
  std::vector<When> whens;
  std::optional<Expr> otherwise = {};
};

struct ExprNode {
  std::variant<ColumnRef, Param, NullConst, BoolConst, IntConst, StringConst, Cast, FuncCall,
               Binary, Quantified, BoolOp, Not, NullTest, Exists, Subquery, Case>
      value;
};

template <typename T>
const T* Expr::as() const {
  return node_ ? std::get_if<T>(&node_->value) : nullptr;
}

// ---- Factories for concise construction.

Expr col(std::string column);
Expr col(std::string table, std::string column);
Expr col(std::string schema, std::string table, std::string column);
// "table".* ; star() alone is a bare *.
Expr star();
Expr star(std::string table);
// "alias": the whole row of a FROM item, as in row_to_json("_e").
Expr wholeRow(std::string alias);

Expr param(int index);
Expr param(int index, std::string type);
Expr null();
Expr true_();
Expr false_();
Expr boolean(bool value);
Expr integer(int64_t value);
Expr str(std::string value);
Expr cast(Expr expr, std::string type);

Expr call(std::string name, std::vector<Expr> args = {});
// name(*), i.e. count(*).
Expr callStar(std::string name);
// For DISTINCT, ORDER BY or FILTER: fill a FuncCall and wrap it.
Expr call(FuncCall fn);

Expr op(BinaryOp op, Expr left, Expr right);
Expr opAny(BinaryOp op, Expr left, Expr array);
Expr opAll(BinaryOp op, Expr left, Expr array);
Expr and_(std::vector<Expr> operands);
Expr or_(std::vector<Expr> operands);
Expr not_(Expr expr);
Expr isNull(Expr expr);
Expr isNotNull(Expr expr);
Expr exists(Select select);
Expr subquery(Select select);
Expr arraySubquery(Select select);
Expr case_(std::vector<Case::When> whens, std::optional<Expr> otherwise = std::nullopt);

OrderBy asc(Expr expr, Nulls nulls = Nulls::kDefault);
OrderBy desc(Expr expr, Nulls nulls = Nulls::kDefault);

FromItem table(std::string schema, std::string name, std::optional<std::string> alias = {});
// A WITH item by name: "name" [AS "alias"].
FromItem cte(std::string name, std::optional<std::string> alias = {});
FromItem subselect(Select select, std::string alias);
FromItem lateral(Select select, std::string alias);
FromItem function(std::string schema, std::string name, std::vector<Expr> args, std::string alias);
// (VALUES ...) AS "alias"("column", ...)
FromItem values(std::vector<std::vector<Expr>> rows, std::string alias,
                std::vector<std::string> columns);

Join leftJoin(FromItem item, Expr on);
Join innerJoin(FromItem item, Expr on);

// ---- Printing.

// 'text' with single quotes doubled. A backslash makes it E'...' with backslashes doubled too
// (as libpq's PQescapeLiteral does), which reads the same whatever standard_conforming_strings
// is. A NUL byte cannot travel in SQL text (libpq would cut the statement there) and is
// dropped, as pg::quoteIdentifier does: constants are trusted text that never holds one.
std::string quoteLiteral(std::string_view text);

// One line, single spaces: what is sent to Postgres.
std::string toSql(const Select& select);
std::string toSql(const Expr& expr);
std::string toSql(const Insert& insert);
std::string toSql(const Update& update);
std::string toSql(const Delete& del);
// One clause per line, nested selects indented by two spaces: for golden tests and explain.
std::string toPrettySql(const Select& select);

}  // namespace graft::pg::sql
