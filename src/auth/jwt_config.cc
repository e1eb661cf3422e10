#include "auth/jwt_config.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace graft::auth {

namespace {

namespace bj = boost::json;

Error configError(std::string message) {
  return Error::validationFailed("invalid JWT config: " + std::move(message));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<std::optional<std::string>> optionalString(const bj::object& o, const char* name) {
  auto it = o.find(name);
  if (it == o.end() || it->value().is_null()) return std::optional<std::string>();
  if (!it->value().is_string()) {
    return std::unexpected(configError(std::string("\"") + name + "\" must be a string"));
  }
  return std::optional<std::string>(std::string(it->value().as_string()));
}

Result<ClaimsMapEntry> claimsMapEntry(const std::string& name, const bj::value& v) {
  ClaimsMapEntry entry;
  if (!v.is_object()) {
    entry.value = v;
    return entry;
  }
  const bj::object& o = v.as_object();
  auto path = o.find("path");
  if (path == o.end() || !path->value().is_string()) {
    return std::unexpected(configError("claims_map." + name + " needs a \"path\" string"));
  }
  auto parsed = parseJsonPath(path->value().as_string());
  if (!parsed) {
    return std::unexpected(configError("claims_map." + name + ": " + parsed.error().message()));
  }
  entry.path = std::move(*parsed);
  if (auto d = o.find("default"); d != o.end()) entry.value = d->value();
  return entry;
}

Result<JwtConfig> fromObject(const bj::object& o) {
  JwtConfig c;
  GRAFT_TRY(auto type, optionalString(o, "type"));
  GRAFT_TRY(auto key, optionalString(o, "key"));
  GRAFT_TRY(c.jwk_url, optionalString(o, "jwk_url"));
  if (!key && !c.jwk_url)
    return std::unexpected(configError("key and jwk_url both cannot be empty"));
  if (key && c.jwk_url) return std::unexpected(configError("key, jwk_url both cannot be present"));
  if (key) {
    if (!type) return std::unexpected(configError("\"type\" is required with \"key\""));
    auto parsed = VerificationKey::fromConfig(*type, *key);
    if (!parsed) return std::unexpected(configError(parsed.error().message()));
    c.key = std::move(*parsed);
  }

  GRAFT_TRY(auto ns, optionalString(o, "claims_namespace"));
  GRAFT_TRY(auto ns_path, optionalString(o, "claims_namespace_path"));
  if (ns && ns_path) {
    return std::unexpected(
        configError("claims_namespace and claims_namespace_path both cannot be set"));
  }
  if (ns) c.claims_namespace = *ns;
  if (ns_path) {
    auto parsed = parseJsonPath(*ns_path);
    if (!parsed) {
      return std::unexpected(configError("invalid JSON path claims_namespace_path error: " +
                                         parsed.error().message()));
    }
    c.claims_namespace_path = std::move(*parsed);
    c.claims_namespace_path_text = *ns_path;
  }
  GRAFT_TRY(auto format, optionalString(o, "claims_format"));
  if (format == "stringified_json") {
    c.claims_format = JwtConfig::ClaimsFormat::kStringifiedJson;
  } else if (format && *format != "json") {
    return std::unexpected(configError("claims_format must be \"json\" or \"stringified_json\""));
  }

  if (auto map = o.find("claims_map"); map != o.end() && !map->value().is_null()) {
    if (!map->value().is_object()) {
      return std::unexpected(configError("claims_map must be an object"));
    }
    std::map<std::string, ClaimsMapEntry> entries;
    for (const auto& [k, v] : map->value().as_object()) {
      std::string name = lower(k);
      GRAFT_TRY(entries[name], claimsMapEntry(name, v));
    }
    for (const char* required : {"x-hasura-allowed-roles", "x-hasura-default-role"}) {
      if (!entries.contains(required)) {
        return std::unexpected(configError(std::string(required) + " is expected but not found"));
      }
    }
    c.claims_map = std::move(entries);
  }

  if (auto aud = o.find("audience"); aud != o.end() && !aud->value().is_null()) {
    if (aud->value().is_string()) {
      c.audience.emplace_back(aud->value().as_string());
    } else if (aud->value().is_array()) {
      for (const auto& a : aud->value().as_array()) {
        if (!a.is_string()) return std::unexpected(configError("audience must hold strings"));
        c.audience.emplace_back(a.as_string());
      }
    } else {
      return std::unexpected(configError("audience must be a string or a list of strings"));
    }
  }
  GRAFT_TRY(c.issuer, optionalString(o, "issuer"));
  if (auto skew = o.find("allowed_skew"); skew != o.end() && !skew->value().is_null()) {
    if (!skew->value().is_number() || skew->value().to_number<double>() < 0) {
      return std::unexpected(configError("allowed_skew must be a non-negative number"));
    }
    c.allowed_skew = std::chrono::seconds(static_cast<long>(skew->value().to_number<double>()));
  }

  if (auto header = o.find("header"); header != o.end() && !header->value().is_null()) {
    if (!header->value().is_object())
      return std::unexpected(configError("header must be an object"));
    const bj::object& h = header->value().as_object();
    GRAFT_TRY(auto kind, optionalString(h, "type"));
    GRAFT_TRY(auto name, optionalString(h, "name"));
    std::string k = lower(kind.value_or(""));
    if (k == "authorization") {
      c.location = JwtConfig::TokenLocation::kAuthorization;
    } else if (k == "cookie" || k == "customheader") {
      if (!name || name->empty()) {
        return std::unexpected(configError("header." + *kind + " needs a \"name\""));
      }
      c.location = k == "cookie" ? JwtConfig::TokenLocation::kCookie
                                 : JwtConfig::TokenLocation::kCustomHeader;
      c.location_name = k == "cookie" ? *name : lower(*name);
    } else {
      return std::unexpected(
          configError("expected 'type' is 'Authorization', 'Cookie' or 'CustomHeader'"));
    }
  }
  return c;
}

}  // namespace

Result<JsonPath> parseJsonPath(std::string_view text) {
  JsonPath path;
  size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  auto fail = [&] {
    return std::unexpected(
        Error::validationFailed("invalid JSON path \"" + std::string(text) + "\""));
  };
  while (i < text.size()) {
    if (text[i] == '.') {
      size_t start = ++i;
      while (i < text.size() && text[i] != '.' && text[i] != '[') ++i;
      if (i == start) return fail();
      path.emplace_back(std::string(text.substr(start, i - start)));
    } else if (text[i] == '[') {
      ++i;
      if (i < text.size() && (text[i] == '\'' || text[i] == '"')) {
        char quote = text[i++];
        size_t end = text.find(quote, i);
        if (end == std::string_view::npos || end + 1 >= text.size() || text[end + 1] != ']') {
          return fail();
        }
        path.emplace_back(std::string(text.substr(i, end - i)));
        i = end + 2;
      } else {
        size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        if (i == start || i >= text.size() || text[i] != ']' || i - start > 9) return fail();
        path.emplace_back(
            static_cast<size_t>(std::stoul(std::string(text.substr(start, i - start)))));
        ++i;
      }
    } else if (path.empty() && i == 0) {
      // Hasura also accepts a bare first key ("a.b").
      size_t start = i;
      while (i < text.size() && text[i] != '.' && text[i] != '[') ++i;
      path.emplace_back(std::string(text.substr(start, i - start)));
    } else {
      return fail();
    }
  }
  return path;
}

const bj::value* lookupPath(const bj::value& root, const JsonPath& path) {
  const bj::value* at = &root;
  for (const auto& step : path) {
    if (const std::string* key = std::get_if<std::string>(&step)) {
      if (!at->is_object()) return nullptr;
      auto it = at->as_object().find(*key);
      if (it == at->as_object().end()) return nullptr;
      at = &it->value();
    } else {
      size_t index = std::get<size_t>(step);
      if (!at->is_array() || index >= at->as_array().size()) return nullptr;
      at = &at->as_array()[index];
    }
  }
  return at;
}

Result<JwtConfig> parseJwtConfig(std::string_view text) {
  boost::system::error_code ec;
  bj::value v = bj::parse(text, ec);
  if (ec || !v.is_object()) return std::unexpected(configError("expected a JSON object"));
  return fromObject(v.as_object());
}

Result<std::vector<JwtConfig>> parseJwtConfigs(std::string_view text) {
  boost::system::error_code ec;
  bj::value v = bj::parse(text, ec);
  if (ec || !v.is_array()) return std::unexpected(configError("expected a JSON array"));
  std::vector<JwtConfig> out;
  for (const auto& item : v.as_array()) {
    if (!item.is_object()) return std::unexpected(configError("expected a JSON object"));
    GRAFT_TRY(auto c, fromObject(item.as_object()));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace graft::auth
