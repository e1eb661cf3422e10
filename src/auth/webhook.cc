#include "auth/webhook.h"

#include <algorithm>
#include <array>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/cache_control.h"
#include "common/log.h"

namespace graft::auth {

namespace {

namespace bj = boost::json;

// Not forwarded in GET mode: Hasura's list of client-specific headers, plus the hop-by-hop
// ones (RFC 9110 §7.6.1), which describe our connection with the client, not the request.
constexpr std::array<std::string_view, 22> kDropped = {"content-length",
                                                       "content-md5",
                                                       "user-agent",
                                                       "host",
                                                       "origin",
                                                       "referer",
                                                       "accept",
                                                       "accept-encoding",
                                                       "accept-language",
                                                       "accept-datetime",
                                                       "cache-control",
                                                       "connection",
                                                       "dnt",
                                                       "keep-alive",
                                                       "proxy-authenticate",
                                                       "proxy-authorization",
                                                       "proxy-connection",
                                                       "te",
                                                       "trailer",
                                                       "transfer-encoding",
                                                       "upgrade",
                                                       "content-type"};

bool dropped(std::string_view name) {
  return std::find(kDropped.begin(), kDropped.end(), name) != kDropped.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Error hookFailed(std::string message) { return Error::unexpected(std::move(message)); }

}  // namespace

AuthWebhook::AuthWebhook(WebhookConfig config, std::shared_ptr<http::HttpClient> client,
                         Clock clock)
    : config_(std::move(config)), client_(std::move(client)), clock_(std::move(clock)) {}

Result<Session> AuthWebhook::sessionFromBody(const bj::value& body) {
  if (!body.is_object()) {
    return std::unexpected(
        hookFailed("Invalid response from authorization hook: expected a JSON object"));
  }
  Session session;
  std::optional<std::string> role;
  for (const auto& [key, value] : body.as_object()) {
    std::string name = lower(key);
    if (!name.starts_with("x-hasura-")) continue;
    std::string text = value.is_string() ? std::string(value.as_string()) : bj::serialize(value);
    if (name == "x-hasura-role") {
      role = std::move(text);
    } else {
      session.variables.emplace_back(std::move(name), std::move(text));
    }
  }
  if (!role || role->empty()) {
    return std::unexpected(Error::invalidParams("x-hasura-role not found in session variables"));
  }
  session.role = std::move(*role);
  return session;
}

boost::asio::awaitable<Result<Session>> AuthWebhook::authenticate(
    const std::vector<std::pair<std::string, std::string>>& headers, const bj::value& request) {
  bool get = config_.mode == WebhookConfig::Mode::kGet;
  std::vector<std::pair<std::string, std::string>> forwarded;
  // The cache key is made of these too: the body's length or the client's user agent are
  // not credentials.
  for (const auto& [name, value] : headers) {
    if (!dropped(name)) forwarded.emplace_back(name, value);
  }
  std::sort(forwarded.begin(), forwarded.end());
  std::string key = get ? "GET" : "POST";
  for (const auto& [name, value] : forwarded) {
    key += '\n' + name + ':' + value;
  }
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      if (clock_() < it->second.expires) co_return it->second.session;
      cache_.erase(it);
    }
  }

  http::ClientRequest call;
  call.url = config_.url;
  call.timeout = config_.timeout;
  call.max_response_bytes = 1024 * 1024;
  if (get) {
    call.method = "GET";
    call.headers = forwarded;
  } else {
    call.method = "POST";
    call.headers.emplace_back("Content-Type", "application/json");
    bj::object header_object;
    for (const auto& [name, value] : headers) header_object[name] = value;
    bj::object payload;
    payload["headers"] = std::move(header_object);
    payload["request"] = request;
    call.body = bj::serialize(payload);
  }
  auto response = co_await client_->send(std::move(call));
  if (!response) {
    log::error("webhook-log", "auth-webhook", response.error().message());
    co_return std::unexpected(hookFailed("webhook authentication request failed"));
  }
  if (response->status == 401) {
    co_return std::unexpected(
        Error::accessDenied("Authentication hook unauthorized this request").withStatus(401));
  }
  if (response->status != 200) {
    log::error("webhook-log", "auth-webhook",
               "the hook answered " + std::to_string(response->status));
    co_return std::unexpected(hookFailed("Invalid response from authorization hook"));
  }
  boost::system::error_code ec;
  bj::value body = bj::parse(response->body, ec);
  if (ec) {
    co_return std::unexpected(
        hookFailed("Invalid response from authorization hook: the body is not JSON"));
  }
  auto session = sessionFromBody(body);
  if (!session) co_return std::unexpected(session.error());

  // Hasura's spec puts Cache-Control / Expires in the body; HTTP headers count as well.
  auto field = [&](std::string_view name) -> std::optional<std::string_view> {
    for (const auto& [k, v] : body.as_object()) {
      if (lower(k) == name && v.is_string()) return std::string_view(v.as_string());
    }
    return response->header(name);
  };
  TimePoint now = clock_();
  auto lifetime = cacheLifetime(field("cache-control"), field("expires"), now);
  if (lifetime && lifetime->count() > 0) {
    std::lock_guard lock(mutex_);
    if (cache_.size() >= config_.max_cached) {
      std::erase_if(cache_, [now](const auto& entry) { return entry.second.expires <= now; });
      if (cache_.size() >= config_.max_cached) cache_.clear();
    }
    cache_[key] = Cached{*session, now + *lifetime};
  }
  co_return session;
}

}  // namespace graft::auth
