// The printer of sql.h: one walk over the tree, compact or pretty. Layout decisions live in
// newline() and nested(), so both forms print the same tokens in the same order.
#include <cassert>

#include "pg/quote.h"
#include "pg/sql.h"

namespace graft::pg::sql {
namespace {

constexpr int kIndent = 2;

// A name we print bare in a call: [a-z_][a-z0-9_]*. Anything else is quoted, so a wrong name
// fails as an unknown function instead of changing the statement.
bool isPlainName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

class Printer {
 public:
  explicit Printer(bool pretty) : pretty_(pretty) {}

  std::string take() { return std::move(out_); }

  // Starts at the current position, whose line is indented by indent_.
  void select(const Select& s) {
    const int base = indent_;
    if (!s.with.empty()) {
      out_ += "WITH ";
      for (size_t i = 0; i < s.with.size(); ++i) {
        if (i > 0) {
          out_ += ',';
          newline(base);
        }
        out_ += quoteIdentifier(s.with[i].name);
        out_ += " AS (";
        if (pretty_) newline(base + kIndent);
        std::visit([this](const auto& body) { statement(*body); }, s.with[i].body);
        if (pretty_) newline(base);
        out_ += ')';
      }
      newline(base);
    }
    out_ += "SELECT";
    if (!s.distinct_on.empty()) {
      out_ += " DISTINCT ON (";
      exprList(s.distinct_on);
      out_ += ')';
    }
    selectItems(s.items, base);
    if (s.from) {
      newline(base);
      out_ += "FROM ";
      fromItem(*s.from);
    }
    for (const Join& join : s.joins) {
      newline(base);
      out_ += join.kind == JoinKind::kInner ? "INNER JOIN " : "LEFT OUTER JOIN ";
      fromItem(join.item);
      out_ += " ON ";
      expr(join.on);
    }
    if (s.where) {
      newline(base);
      out_ += "WHERE ";
      expr(*s.where);
    }
    if (!s.group_by.empty()) {
      newline(base);
      out_ += "GROUP BY ";
      exprList(s.group_by);
    }
    if (!s.order_by.empty()) {
      newline(base);
      out_ += "ORDER BY ";
      orderByList(s.order_by);
    }
    if (s.limit) {
      newline(base);
      out_ += "LIMIT ";
      expr(*s.limit);
    }
    if (s.offset) {
      newline(base);
      out_ += "OFFSET ";
      expr(*s.offset);
    }
    for (const Box<Select>& part : s.union_all) {
      newline(base);
      out_ += "UNION ALL";
      newline(base);
      select(*part);
    }
    indent_ = base;
  }

  void statement(const Select& s) { select(s); }

  void statement(const Insert& s) {
    const int base = indent_;
    out_ += "INSERT INTO ";
    tableName(s.table, s.alias);
    if (s.columns.empty()) {
      newline(base);
      out_ += "DEFAULT VALUES";
    } else {
      out_ += " (";
      for (size_t i = 0; i < s.columns.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += quoteIdentifier(s.columns[i]);
      }
      out_ += ')';
      newline(base);
      if (s.select) {
        select(**s.select);
        indent_ = base;
      } else {
        valuesRows(s.rows, base);
      }
    }
    if (s.on_conflict) {
      const OnConflict& conflict = *s.on_conflict;
      newline(base);
      out_ += "ON CONFLICT ON CONSTRAINT ";
      out_ += quoteIdentifier(conflict.constraint);
      if (conflict.update_columns.empty()) {
        out_ += " DO NOTHING";
      } else {
        out_ += " DO UPDATE";
        newline(base);
        out_ += "SET ";
        for (size_t i = 0; i < conflict.update_columns.size(); ++i) {
          if (i > 0) out_ += ", ";
          out_ += quoteIdentifier(conflict.update_columns[i]);
          out_ += " = EXCLUDED.";
          out_ += quoteIdentifier(conflict.update_columns[i]);
        }
        if (conflict.where) {
          newline(base);
          out_ += "WHERE ";
          expr(*conflict.where);
        }
      }
    }
    returning(base);
  }

  void statement(const Update& s) {
    const int base = indent_;
    assert(!s.set.empty());
    out_ += "UPDATE ";
    tableName(s.table, s.alias);
    newline(base);
    out_ += "SET ";
    for (size_t i = 0; i < s.set.size(); ++i) {
      if (i > 0) out_ += ", ";
      out_ += quoteIdentifier(s.set[i].column);
      out_ += " = ";
      if (s.set[i].value) {
        expr(*s.set[i].value);
      } else {
        out_ += "DEFAULT";
      }
    }
    if (s.where) {
      newline(base);
      out_ += "WHERE ";
      expr(*s.where);
    }
    returning(base);
  }

  void statement(const Delete& s) {
    const int base = indent_;
    out_ += "DELETE FROM ";
    tableName(s.table, s.alias);
    if (s.where) {
      newline(base);
      out_ += "WHERE ";
      expr(*s.where);
    }
    returning(base);
  }

  void expr(const Expr& e) {
    if (e.empty()) {
      assert(!"printing a moved-from sql::Expr");
      // Not valid SQL, so Postgres rejects the statement instead of running a different one.
      out_ += "<moved-from expression>";
      return;
    }
    std::visit([this](const auto& n) { node(n); }, e.node().value);
  }

 private:
  // Pretty: a new line indented by `indent`; compact: one space.
  void newline(int indent) {
    if (!pretty_) {
      out_ += ' ';
      return;
    }
    indent_ = indent;
    out_ += '\n';
    out_.append(static_cast<size_t>(indent), ' ');
  }

  // (SELECT ...): pretty, the select on its own lines one level in, the ")" back on the level
  // of the line that opened it.
  void nested(const Select& s) {
    const int outer = indent_;
    out_ += '(';
    if (pretty_) newline(outer + kIndent);
    select(s);
    if (pretty_) newline(outer);
    out_ += ')';
  }

  void selectItems(const std::vector<SelectItem>& items, int base) {
    // Pretty with several items: one per line. A single item stays on the SELECT line.
    const bool own_lines = pretty_ && items.size() > 1;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ',';
      if (own_lines) {
        newline(base + kIndent);
      } else {
        out_ += ' ';
      }
      expr(items[i].expr);
      alias(items[i].alias);
    }
    indent_ = base;
  }

  static std::string qualified(const TableName& table) {
    return table.schema.empty() ? quoteIdentifier(table.name)
                                : quoteQualified(table.schema, table.name);
  }

  void tableName(const TableName& table, const std::optional<std::string>& name) {
    out_ += qualified(table);
    alias(name);
  }

  void returning(int base) {
    newline(base);
    out_ += "RETURNING *";
    indent_ = base;
  }

  // VALUES, then each row on a line of its own (pretty) one level in. Row is a vector of Expr,
  // or of std::optional<Expr> where nullopt prints DEFAULT.
  template <typename Row>
  void valuesRows(const std::vector<Row>& rows, int base) {
    out_ += "VALUES";
    for (size_t r = 0; r < rows.size(); ++r) {
      if (r > 0) out_ += ',';
      if (pretty_) {
        newline(base + kIndent);
      } else {
        out_ += ' ';
      }
      out_ += '(';
      for (size_t i = 0; i < rows[r].size(); ++i) {
        if (i > 0) out_ += ", ";
        value(rows[r][i]);
      }
      out_ += ')';
    }
    indent_ = base;
  }
  void value(const Expr& e) { expr(e); }
  void value(const std::optional<Expr>& e) {
    if (e) {
      expr(*e);
    } else {
      out_ += "DEFAULT";
    }
  }

  void alias(const std::optional<std::string>& name) {
    if (!name) return;
    out_ += " AS ";
    out_ += quoteIdentifier(*name);
  }

  void fromItem(const FromItem& item) {
    if (item.lateral) out_ += "LATERAL ";
    if (const auto* t = std::get_if<TableName>(&item.source)) {
      out_ += qualified(*t);
    } else if (const auto* s = std::get_if<Box<Select>>(&item.source)) {
      nested(**s);
    } else if (const auto* v = std::get_if<Values>(&item.source)) {
      const int outer = indent_;
      out_ += '(';
      if (pretty_) newline(outer + kIndent);
      valuesRows(v->rows, indent_);
      if (pretty_) newline(outer);
      out_ += ')';
    } else {
      const auto& f = std::get<FunctionSource>(item.source);
      out_ += quoteQualified(f.schema, f.name);
      out_ += '(';
      exprList(f.args);
      out_ += ')';
    }
    alias(item.alias);
    if (!item.columns.empty()) {
      out_ += '(';
      for (size_t i = 0; i < item.columns.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += quoteIdentifier(item.columns[i]);
      }
      out_ += ')';
    }
  }

  void exprList(const std::vector<Expr>& exprs) {
    for (size_t i = 0; i < exprs.size(); ++i) {
      if (i > 0) out_ += ", ";
      expr(exprs[i]);
    }
  }

  void orderByList(const std::vector<OrderBy>& items) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ", ";
      expr(items[i].expr);
      out_ += items[i].direction == Direction::kAsc ? " ASC" : " DESC";
      if (items[i].nulls == Nulls::kFirst) out_ += " NULLS FIRST";
      if (items[i].nulls == Nulls::kLast) out_ += " NULLS LAST";
    }
  }

  void node(const ColumnRef& n) {
    for (size_t i = 0; i < n.names.size(); ++i) {
      if (i > 0) out_ += '.';
      out_ += quoteIdentifier(n.names[i]);
    }
    if (n.star) out_ += n.names.empty() ? "*" : ".*";
  }

  void node(const Param& n) {
    std::string slot = "$" + std::to_string(n.index);
    if (!n.type) {
      out_ += slot;
      return;
    }
    out_ += '(';
    out_ += slot;
    out_ += ")::";
    out_ += *n.type;
  }

  void node(const NullConst&) { out_ += "NULL"; }

  void node(const BoolConst& n) { out_ += n.value ? "TRUE" : "FALSE"; }

  void node(const IntConst& n) {
    if (n.value < 0) {
      out_ += '(';
      out_ += std::to_string(n.value);
      out_ += ')';
    } else {
      out_ += std::to_string(n.value);
    }
  }

  void node(const StringConst& n) { out_ += quoteLiteral(n.value); }

  void node(const Cast& n) {
    out_ += '(';
    expr(n.expr);
    out_ += ")::";
    out_ += n.type;
  }

  void node(const FuncCall& n) {
    if (n.schema) {
      out_ += quoteQualified(*n.schema, n.name);
    } else if (isPlainName(n.name)) {
      out_ += n.name;
    } else {
      out_ += quoteIdentifier(n.name);
    }
    out_ += '(';
    if (n.distinct) out_ += "DISTINCT ";
    if (n.star) {
      out_ += '*';
    } else {
      exprList(n.args);
    }
    if (!n.order_by.empty()) {
      out_ += " ORDER BY ";
      orderByList(n.order_by);
    }
    out_ += ')';
    if (n.filter) {
      out_ += " FILTER (WHERE ";
      expr(*n.filter);
      out_ += ')';
    }
    if (n.over) {
      out_ += " OVER (";
      if (!n.over->order_by.empty()) {
        out_ += "ORDER BY ";
        orderByList(n.over->order_by);
      }
      out_ += ')';
    }
  }

  void node(const Binary& n) {
    out_ += '(';
    expr(n.left);
    out_ += ' ';
    out_ += binaryOpText(n.op);
    out_ += ' ';
    expr(n.right);
    out_ += ')';
  }

  void node(const Quantified& n) {
    out_ += '(';
    expr(n.left);
    out_ += ' ';
    out_ += binaryOpText(n.op);
    out_ += n.quantifier == Quantifier::kAny ? " ANY(" : " ALL(";
    expr(n.array);
    out_ += "))";
  }

  void node(const BoolOp& n) {
    const bool is_and = n.kind == BoolOp::Kind::kAnd;
    if (n.operands.empty()) {
      out_ += is_and ? "TRUE" : "FALSE";
      return;
    }
    if (n.operands.size() == 1) {
      expr(n.operands[0]);
      return;
    }
    out_ += '(';
    for (size_t i = 0; i < n.operands.size(); ++i) {
      if (i > 0) out_ += is_and ? " AND " : " OR ";
      expr(n.operands[i]);
    }
    out_ += ')';
  }

  void node(const Not& n) {
    out_ += "(NOT ";
    expr(n.expr);
    out_ += ')';
  }

  void node(const NullTest& n) {
    out_ += '(';
    expr(n.expr);
    out_ += n.negated ? " IS NOT NULL)" : " IS NULL)";
  }

  void node(const Exists& n) {
    out_ += "EXISTS ";
    nested(n.select);
  }

  void node(const Subquery& n) {
    if (n.array) out_ += "ARRAY";
    nested(n.select);
  }

  void node(const Case& n) {
    out_ += "CASE";
    for (const Case::When& when : n.whens) {
      out_ += " WHEN ";
      expr(when.condition);
      out_ += " THEN ";
      expr(when.result);
    }
    if (n.otherwise) {
      out_ += " ELSE ";
      expr(*n.otherwise);
    }
    out_ += " END";
  }

  bool pretty_;
  // Indentation of the line being written (pretty only).
  int indent_ = 0;
  std::string out_;
};

}  // namespace

std::string toSql(const Select& select) {
  Printer printer(false);
  printer.select(select);
  return printer.take();
}

std::string toSql(const Expr& expr) {
  Printer printer(false);
  printer.expr(expr);
  return printer.take();
}

std::string toSql(const Insert& insert) {
  Printer printer(false);
  printer.statement(insert);
  return printer.take();
}

std::string toSql(const Update& update) {
  Printer printer(false);
  printer.statement(update);
  return printer.take();
}

std::string toSql(const Delete& del) {
  Printer printer(false);
  printer.statement(del);
  return printer.take();
}

std::string toPrettySql(const Select& select) {
  Printer printer(true);
  printer.select(select);
  return printer.take();
}

}  // namespace graft::pg::sql
